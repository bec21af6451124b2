"""An interrupted run (Ctrl-C) ends with a message, not a traceback, and writes nothing half.

A plugin writes a marker file when it starts assessing and then waits, so the test
interrupts the run at a known point without timing guesses.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .faulty import principle_module, write_dist

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"

WAITING = principle_module('''
import os
import time
from pathlib import Path


def wait(a):
    Path(os.environ["MARKER"]).write_text("started")
    time.sleep(60)
    ok(a)


@hookimpl
def collabrules_add_principles(register):
    register(make("FX09", wait))
''')


def test_interrupt_leaves_the_old_output_and_no_traceback(tmp_path: Path) -> None:
    plugins = write_dist(tmp_path / "plugins", {"waiting": WAITING}, dist="collabrules-waiting")
    marker = tmp_path / "started"
    output = tmp_path / "report.json"
    output.write_text("the previous, complete report\n")
    env = {**os.environ, "PYTHONPATH": str(plugins), "MARKER": str(marker),
           "COLLABRULES_PRINCIPLE_BUDGET": "off"}
    process = subprocess.Popen(
        [sys.executable, "-m", "collabrules", "evaluate", str(EXAMPLE), str(EXAMPLE),
         "--format", "json", "-o", str(output)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the plugin never started"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    text = stderr.decode()
    assert "Traceback" not in text
    assert "Aborted / afgebroken." in text
    assert process.returncode == 2
    assert output.read_text() == "the previous, complete report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plugins", "report.json", "report.json.partial", "started"]
    # The partial file holds complete lines only: the run's provenance line, no report yet
    # (the first case was interrupted).
    (line,) = (tmp_path / "report.json.partial").read_text().splitlines(keepends=True)
    assert line.endswith("\n") and json.loads(line)["kind"] == "catalogue"
