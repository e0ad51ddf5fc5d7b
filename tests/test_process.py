"""The collector and the process: a command's speed tricks end with the command.

The CLI pauses the cyclic collector while it loads and freezes the graph out of
its scans; the console script then exits without freeing the graph object by
object. An in-process caller must get its collector back as it was.
"""

from __future__ import annotations

import gc
import subprocess
import sys

from click.testing import CliRunner

from awskg.cli import cli


def test_an_in_process_command_gives_the_collector_back():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    result = CliRunner().invoke(cli, ["relate", "SQS", "Lambda"])
    assert result.exit_code == 0 and "SQS triggers Lambda" in result.output  # the graph was loaded and used
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_console_script_keeps_exit_codes_and_flushes_its_output():
    run = [sys.executable, "-m", "awskg"]
    answered = subprocess.run([*run, "relate", "SQS", "Lambda"], capture_output=True, text=True)
    assert answered.returncode == 0 and answered.stdout.startswith("SQS and Lambda are directly connected.")
    unknown = subprocess.run([*run, "show", "nothing-here"], capture_output=True, text=True)
    assert unknown.returncode == 2 and unknown.stderr == "Error: unknown concept 'nothing-here'\n"
    none = subprocess.run([*run, "search", "zzzzzz"], capture_output=True, text=True)
    assert none.returncode == 1 and none.stderr == "no concept looks like 'zzzzzz'\n"
