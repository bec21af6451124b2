"""The hooks in .pre-commit-hooks.yaml, run by pre-commit itself on a repository of cases.

pre-commit would install a ``language: python`` hook into an environment of its own (from
the network); here the same hook definitions run as ``language: system`` hooks of a local
repository, with this checkout's ``collabrules`` on the PATH, so the test runs offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT

MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ModuleNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail("pre-commit is not installed (it is in the test extra)")
        pytest.skip("pre-commit is not installed")
    return [sys.executable, "-m", "pre_commit"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("COLLABRULES_LANG", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository of two cases, a fixture file and an unrelated YAML file, with a
    pre-commit configuration using every hook of the manifest."""
    repo = tmp_path / "repo"
    (repo / "cases").mkdir(parents=True)
    shutil.copy(EXAMPLES / "office-cleaning.yaml", repo / "cases" / "cleaning.yaml")
    shutil.copy(EXAMPLES / "aggressive-monopolist.yaml", repo / "cases" / "rail.yaml")
    (repo / "mkdocs.yml").write_text("site_name: not a case\n", encoding="utf-8")
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    for hook in hooks:
        assert hook["language"] == "python"  # what users get: installed from this repository
        hook["language"] = "system"
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _run(["git", "init", "-q"], repo).returncode == 0
    assert _run(["git", "add", "-A"], repo).returncode == 0
    return repo


def test_the_manifest_is_valid() -> None:
    result = _run([*_pre_commit(), "validate-manifest", str(MANIFEST)], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    ids = [h["id"] for h in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))]
    assert ids == ["collabrules-check", "collabrules-validate", "collabrules-evaluate"]


def test_hooks_pass_on_valid_cases_and_skip_other_files(repository: Path) -> None:
    for hook in ("collabrules-check", "collabrules-validate"):
        result = _run([*_pre_commit(), "run", hook, "--all-files", "--verbose"], repository)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "mkdocs.yml: skipped" in result.stdout, result.stdout
    evaluate = _run([*_pre_commit(), "run", "collabrules-evaluate", "--all-files"], repository)
    assert evaluate.returncode == 1, evaluate.stdout  # rail.yaml has high violations
    assert "Failed" in evaluate.stdout and "CR07" in evaluate.stdout


def test_hooks_fail_on_a_broken_case_with_its_line(repository: Path) -> None:
    broken = repository / "cases" / "cleaning.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace(
        "risk: low", "risk: lowish"), encoding="utf-8")
    assert "lowish" in broken.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(broken.read_text("utf-8").splitlines(), 1)
                if "lowish" in text)
    for hook in ("collabrules-check", "collabrules-validate"):
        result = _run([*_pre_commit(), "run", hook, "--all-files"], repository)
        assert result.returncode == 1, result.stdout
        assert f"cases/cleaning.yaml:{line}" in result.stdout
        assert "$.delivery.risk" in result.stdout
