"""Shared test helpers: paths to the repository's examples and schemas, the Hypothesis
profiles and the ``slow`` marks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


# Hypothesis: two profiles. ``ci`` (CI=true, and scripts/test.sh without --quick) runs
# each property with the count its decorator names through ci_examples() (chosen for its
# cost), else Hypothesis' default 100; ``dev`` (a plain pytest run, scripts/test.sh --quick)
# runs at most 10 examples of every property: enough to catch a broken generator or an
# obvious regression while working. HYPOTHESIS_PROFILE chooses explicitly. Deadlines are
# off (the machine is shared; speed is measured by benchmarks/ only).
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI") == "true" else "dev")
settings.register_profile(
    "ci", max_examples=100, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=10)
settings.load_profile(PROFILE)


def ci_examples(count: int) -> settings:
    """``count`` examples under the ``ci`` profile, the profile's count under ``dev``.

    For properties whose count differs from 100: fewer when one example evaluates cases
    several times, more when an example is cheap and the input space wide."""
    return settings(max_examples=count if PROFILE == "ci" else
                    min(count, settings.default.max_examples))


@pytest.fixture
def examples() -> Path:
    """The folder with the worked scenarios."""
    return EXAMPLES


def fresh_venv(where: Path) -> Path:
    """A new, empty virtual environment with pip at ``where``; returns its interpreter.

    Made by virtualenv, which copies pip from its cache: about 0.5 s of CPU where
    ``python -m venv`` spends 5 s installing pip through ensurepip (ADR 0024)."""
    made = subprocess.run([sys.executable, "-m", "virtualenv", "--quiet", "--no-periodic-update",
                           str(where)], capture_output=True, text=True, timeout=300, check=False)
    assert made.returncode == 0, made.stdout + made.stderr
    return where / ("Scripts" if os.name == "nt" else "bin") / "python"


# uv beside this interpreter (scripts/test.sh installs it into .venv), else on PATH
_BESIDE = Path(sys.executable).with_name("uv")
_UV = str(_BESIDE) if _BESIDE.exists() else shutil.which("uv")


def install(python: Path, *requirements: str | Path) -> None:
    """Install ``requirements`` (wheels, folders, names) into the venv of ``python``.

    With uv, from the cache that ``scripts/test.sh`` filled when it installed the dev
    extra: about 1 s where pip, resolving and building again, took 5-17 s (ADR 0029). pip
    when uv is not installed. The plugin guide's own ``pip install`` runs with pip."""
    command = ([_UV, "pip", "install", "--quiet", "--python", str(python)] if _UV else
               [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
    result = subprocess.run([*command, *map(str, requirements)], capture_output=True,
                            text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# build's isolated environment made by uv, from its cache, when uv is installed (ADR 0029)
_BUILD_INSTALLER = ("--installer", "uv") if _UV else ()


@pytest.fixture(scope="session")
def collabrules_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``python -m build --wheel`` makes of this tree, built once per test run.

    The install tests put it into their fresh venvs. With xdist the workers share the
    run's temporary root: the first to take the lock builds, the other waits and reuses
    it (a build costs about 5 s of CPU, ADR 0024)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    dist = shared / "collabrules-wheel"
    with FileLock(f"{dist}.lock"):
        if not dist.is_dir():
            staging = shared / "collabrules-wheel.new"  # renamed once the build succeeded
            shutil.rmtree(staging, ignore_errors=True)
            built = subprocess.run(
                [sys.executable, "-m", "build", "--wheel", *_BUILD_INSTALLER, "--outdir",
                 str(staging), str(ROOT)],
                cwd=shared, capture_output=True, text=True, timeout=600, check=False)
            assert built.returncode == 0, built.stdout + built.stderr
            staging.rename(dist)
    wheels = list(dist.glob("collabrules-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


# Tests marked slow here rather than in their files: each takes 5 s or more of CPU on the
# 2-core machine under the profile the quick run uses (``dev``; CPU, not wall time, as the
# machine is shared; docs/decisions/0024-test-suite-speed.md has the measurements).
# ``scripts/test.sh --quick`` leaves them out; CI runs them. A node id prefix per entry.
SLOW = (
    "tests/robustness/test_corpus.py::",
    "tests/perf/test_benchmark.py::",
    "tests/service/test_startup.py::test_a_pool_of_keep_alive_connections_is_spread_over",
    "tests/service/test_startup.py::test_a_port_in_use_is_a_located_message_not_a_traceback",
    "tests/docs/test_pages_run.py::test_page_examples_work",
    "tests/reports/test_portfolio.py::test_jobs_give_identical_output",
    "tests/robustness/test_permissions.py::test_every_writer_honours_the_umask",
    "tests/robustness/test_hostile_expressions.py::test_exponential_expressions_stop",
    "tests/core/test_fast_paths.py::test_casebook_cases_complete_and_partial",
    "tests/core/test_fast_paths.py::test_the_partial_portfolio_reports_as_the_straightforward",
    "tests/core/test_fast_paths.py::test_partial_portfolio_rebuilt_from_the_parent_as_structured",
    "tests/core/test_properties.py::test_leaving_out_an_optional_key_never_creates_a_violation",
    "tests/reports/test_new.py::test_interactive_intake_in_dutch_through_a_pty",
    "tests/reports/test_portfolio.py::test_folder_portfolio_in_markdown_and_html",
    "tests/docs/test_generated.py::test_check_command_fails_on_a_stale_page_and_write_repairs_it",
    "tests/scale/test_dask.py::",
    "tests/compact/test_cli.py::",
    "tests/service/test_intake_browser.py::test_perception_scores_reach_the_report",
    "tests/service/test_intake_browser.py::test_interactive_api_page_works_offline",
    "tests/service/test_limits.py::test_concurrent_evaluations_over_the_limit_get_429",
    "tests/service/test_limits.py::test_graceful_shutdown_finishes_the_request_in_flight",
    "tests/service/test_config.py::test_workers_share_the_options_and_configuration",
    "tests/options/test_properties.py::test_today_is_the_normal_report_and_no_option_is_judged",
    "tests/core/test_principle_reads.py::test_facts_a_principle_does_not_read_leave_its_verdict",
)


# The files that cost most, most expensive first (CPU of the tests and the processes they
# wait for, under the ``ci`` profile; the install tests also for their wall time waiting
# on pip; measured, ADR 0024). They run first: ``--dist loadfile`` hands files to the
# workers in collection order (see pytest_configure), so a long file collected late would
# run alone on one worker at the end while the other idles.
FIRST = (
    "tests/core/test_properties.py",
    "tests/service/test_schemathesis.py",
    "tests/reports/test_portfolio.py",
    "tests/service/test_batch.py",
    "tests/house/test_example_distribution.py",
    "tests/robustness/test_properties.py",
    "tests/core/test_fast_paths.py",
    "tests/options/test_properties.py",
    "tests/docs/test_guide_install.py",
    "tests/core/test_wheel.py",
    "tests/compact/test_roundtrip.py",
    "tests/core/test_principle_reads.py",
    "tests/service/test_limits.py",
    "tests/house/test_unknown_completion.py",
    "tests/perf/test_benchmark.py",
    "tests/docs/test_pages_run.py",
    "tests/robustness/test_corpus.py",
    "tests/reports/test_browser.py",
    "tests/robustness/test_hostile_expressions.py",
    "tests/service/test_intake_browser.py",
    "tests/service/test_config.py",
    "tests/perf/test_serializer.py",
    "tests/reports/test_ci_formats.py",
    "tests/core/test_cli.py",
    "tests/compact/test_fast_encoding.py",
    "tests/reports/test_history.py",
)


def pytest_configure(config: pytest.Config) -> None:
    """Keep the collection order for ``--dist loadfile``: pytest-xdist (3.x) would otherwise
    hand out files by their number of tests, most first, and :data:`FIRST` would not
    count (a file of a few long tests, such as the portfolio's, started last)."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False
    # A suite started in the background by a non-interactive shell (`bash scripts/test.sh &`)
    # inherits SIGINT ignored, and so would every command the tests start: the Ctrl-C
    # tests would then wait for a run that never stops. Python's own handler is restored.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _rank(item: pytest.Item) -> int:
    path = item.nodeid.split("::", 1)[0]
    return FIRST.index(path) if path in FIRST else len(FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests listed in :data:`SLOW` as ``slow``; run the :data:`FIRST` files first."""
    for item in items:
        if item.nodeid.startswith(SLOW):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_rank)  # stable: the order within a file and among the rest stays
