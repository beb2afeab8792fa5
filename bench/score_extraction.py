"""Score the offline extractor on a corpus of cases: a real uvicorn API (offline), the shared acceptance checker.

    .venv/bin/python bench/score_extraction.py tests/extraction/corpus/tuning.json
    .venv/bin/python bench/score_extraction.py --seed tests/extraction/corpus/heldout.json --rows 400

Starts `uvicorn src.api_server.app:app` on a free 127.0.0.1 port with its own temp dirs and
LLM_PROVIDER=offline, runs the acceptance checker (`shared/acceptance/check_cases.py`, found in a parent
folder of the checkout, or --checker) over each cases file, and prints each file's score line.
The checker is called, never copied: it is not part of this project.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
CHECKER = Path("shared") / "acceptance" / "check_cases.py"


def find_checker() -> Path | None:
    """The shared checker in the nearest parent folder that holds `shared/acceptance/`."""
    for parent in REPO_ROOT.parents:
        if (parent / CHECKER).is_file():
            return parent / CHECKER
    return None


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_api(workdir: Path) -> tuple[subprocess.Popen, str]:
    port = find_free_port()
    env = {**os.environ, "DATABASE_PATH": str(workdir / "jobs.sqlite3"), "TEMP_PATH": str(workdir / "temp"),
           "OUTPUT_PATH": str(workdir / "output"), "LOG_DIR": str(workdir / "logs"), "LOG_LEVEL": "WARNING",
           "LLM_PROVIDER": "offline", "GEMINI_API_KEY": "", "MAX_ROWS": "100000000"}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "src.api_server.app:app", "--host", "127.0.0.1",
                               "--port", str(port), "--log-level", "warning", "--no-access-log"],
                              cwd=REPO_ROOT, env=env)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600  # a loaded machine can take minutes to import the app
    while True:
        try:
            if httpx.get(base_url + "/health", timeout=1).status_code == 200:
                return server, base_url
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("the API server did not start")
        time.sleep(0.1)


def stop_api(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def run_checker(checker: Path, cases: Path, api: str, rows: int, verbose: bool) -> str:
    """Run the checker over one cases file, echoing its lines; returns its score line."""
    cmd = [sys.executable, str(checker), str(cases), "--api", api, "--rows", str(rows)]
    proc = subprocess.run(cmd + (["--verbose"] if verbose else []), cwd=REPO_ROOT, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    scores = [line for line in proc.stdout.splitlines() if line.startswith("score:")]
    return scores[-1] if scores else f"no score (checker exited {proc.returncode})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="+", type=Path, help="cases files in the checker's format")
    parser.add_argument("--rows", type=int, default=400, help="rows generated per case (checker default 400)")
    parser.add_argument("--checker", type=Path, default=None, help="path of check_cases.py")
    parser.add_argument("--verbose", action="store_true", help="print every check, not only failures")
    args = parser.parse_args()
    checker = args.checker or find_checker()
    if checker is None or not checker.is_file():
        print(f"cannot find {CHECKER} in a parent folder of {REPO_ROOT}; pass --checker", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="synthgen-score-") as tmp:
        server, api = start_api(Path(tmp))
        try:
            for cases in args.cases:
                results.append((cases, run_checker(checker, cases.resolve(), api, args.rows, args.verbose)))
        finally:
            stop_api(server)
    print()
    for cases, score in results:
        print(f"{cases.name}: {score}")
    return 0 if all(re.match(r"score: \d+/\d+", s) for _, s in results) else 1


if __name__ == "__main__":
    sys.exit(main())
