"""The CLI's start-up runs without collector passes, then freezes what it built and collects again."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from src import start_up
from src.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_pause_then_resume_freezes_start_up_objects_and_collects_again():
    assert gc.isenabled()
    start_up.pause_collector()
    try:
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]  # long-lived objects of a start-up
    finally:
        start_up.resume_collector()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()
    start_up.resume_collector()  # a second call changes nothing
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_command_run_inside_a_caller_keeps_its_collector(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"fields": [{"name": "a", "type": "integer"}]}))
    frozen = gc.get_freeze_count()
    assert main(["generate", "--schema", str(schema), "--rows", "3", "--output", str(tmp_path / "o.csv"),
                 "--seed", "1", "--quiet"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_cli_process_collects_again_once_its_plan_is_compiled(tmp_path):
    """The rows are made with the collector on (and the start-up's objects frozen), whatever the command."""
    schema = tmp_path / "s.json"
    schema.write_text((ROOT / "bench" / "customer_schema.json").read_text())
    probe = ("import gc, sys; from synthgen import files; real = files.write_file\n"
             "def spy(*a, **k):\n"
             "    print('collector', gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)\n"
             "    return real(*a, **k)\n"
             "files.write_file = spy\n"
             "from src.cli import main; sys.argv = ['synthgen'] + sys.argv[1:]; sys.exit(main())")
    done = subprocess.run([sys.executable, "-c", probe, "generate", "--schema", str(schema), "--rows", "5",
                           "--output", str(tmp_path / "o.csv"), "--seed", "3", "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    enabled, frozen = done.stderr.split()[1:3]
    assert enabled == "True" and int(frozen) > 50_000, done.stderr


_LATE = """
import atexit, sys, threading, time
class Late:
    def __del__(self, write=sys.stderr.write):  # module globals are gone by then
        write("finalized\\n")
late = Late()  # finalized by the interpreter's teardown, which the CLI's own run skips
atexit.register(lambda: print("atexit ran", file=sys.stderr))
"""


def _run_cli(args: list[str], probe: str = "") -> subprocess.CompletedProcess:
    code = "import sys\n" + probe + "\nfrom src.cli import main\nsys.argv = ['synthgen'] + sys.argv[1:]\nsys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_file_run_ends_without_teardown_after_exit_handlers_with_every_row_written(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text((ROOT / "bench" / "customer_schema.json").read_text())
    out = tmp_path / "o.csv"
    done = _run_cli(["generate", "--schema", str(schema), "--rows", "2000", "--output", str(out)], _LATE)
    assert done.returncode == 0, done.stderr
    assert "seed: " in done.stderr and "wrote 2,000 rows" in done.stderr  # stderr flushed before the end
    assert "atexit ran" in done.stderr and "finalized" not in done.stderr
    assert out.read_text().count("\n") == 2001
    again = _run_cli(["generate", "--schema", str(schema), "--rows", "2000", "--output", str(tmp_path / "b.csv"),
                      "--seed", done.stderr.split("seed: ")[1].split()[0],
                      "--anchor", done.stderr.split("--anchor ")[1].split()[0]])
    assert again.returncode == 0 and (tmp_path / "b.csv").read_bytes() == out.read_bytes()


def test_a_failed_file_run_keeps_its_exit_code_and_message(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"fields": [{"name": "a", "type": "integer"}]}))
    done = _run_cli(["generate", "--schema", str(schema), "--rows", "3", "--output",
                     str(tmp_path / "missing" / "o.csv")], _LATE)
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "atexit ran" in done.stderr


def test_other_commands_and_stdout_runs_end_as_usual(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"fields": [{"name": "a", "type": "integer"}]}))
    done = _run_cli(["generate", "--schema", str(schema), "--rows", "3", "--output", "-", "--seed", "1"], _LATE)
    assert done.returncode == 0 and done.stdout.count("\n") == 4
    assert "finalized" in done.stderr
    types = _run_cli(["types"], _LATE)
    assert types.returncode == 0 and "finalized" in types.stderr


def test_end_without_teardown_joins_threads_runs_handlers_and_flushes():
    code = _LATE + """
from src.start_up import end_without_teardown
done = []
threading.Thread(target=lambda: (time.sleep(0.2), done.append(1), print("thread done", file=sys.stderr))).start()
sys.stdout.write("no newline yet")
end_without_teardown(7)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 7
    assert done.stdout == "no newline yet"
    assert "thread done" in done.stderr and "atexit ran" in done.stderr and "finalized" not in done.stderr
