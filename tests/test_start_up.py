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
