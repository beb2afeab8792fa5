"""API vs CLI: one CSV job through a real uvicorn server, the same schema through `synthgen generate`.

    .venv/bin/python bench/bench_api.py                 # 10M rows (targets: ratio >= 0.8, p99 < 50 ms)
    .venv/bin/python bench/bench_api.py --rows 1000000  # a quick run
    .venv/bin/python bench/bench_api.py --job-workers 0 --high-priority   # JOB_WORKERS=0 (a process per core)

Prints the CLI's and the API's rows/s (job creation to `completed`, output file assembled; and end to
end, creation to the download complete), their ratios, and /health latency p50/p99 measured while
the API job runs. CPU seconds count the server and its worker processes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from priority import raise_priority

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCHEMA = REPO_ROOT / "bench" / "customer_schema.json"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows per run (default 10M)")
    parser.add_argument("--chunk-size", type=int, default=100_000, help="the API job's chunk_size")
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help="schema document (JSON)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--health-interval", type=float, default=0.05, help="seconds between /health probes")
    parser.add_argument("--repeat", type=int, default=1,
                        help="alternate CLI and API runs this many times; report the median ratio")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir with both outputs")
    parser.add_argument("--job-workers", type=int, default=None,
                        help="JOB_WORKERS of the API server (default: the server's setting)")
    parser.add_argument("--download-with", choices=["curl", "httpx"], default="curl" if shutil.which("curl") else "httpx",
                        help="client of the download (default: curl when installed)")
    parser.add_argument("--cli-workers", type=int, default=None, help="--workers of the CLI (default: its own)")
    parser.add_argument("--high-priority", action="store_true", help="run at autogroup nice -20 in a session of "
                        "its own, with every process it starts (root; bench/priority.py)")
    return parser.parse_args()


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def count_lines(path: Path) -> int:
    lines = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 22):
            lines += block.count(b"\n")
    return lines


def read_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process and every process under it (worker processes, and
    the forkserver's children) have used so far (Linux /proc: the reaped ones through each
    process's own counters of waited-for children)."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stats[int(entry)] = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
    children: dict[int, list[int]] = {}
    for child, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(child)
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        if current in stats:
            fields = stats[current]
            total += sum(int(f) for f in fields[11:15])  # its own and its reaped children's
            todo.extend(children.get(current, []))
    return total / os.sysconf("SC_CLK_TCK")


def run_cli(schema: Path, rows: int, seed: int, output: Path, workers: int | None = None,
            env: dict | None = None) -> tuple[float, float]:
    """Wall seconds `synthgen generate` takes (process start to exit) and the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(REPO_ROOT / ".venv" / "bin" / "synthgen"), "generate", "--schema", str(schema),
                    "--rows", str(rows), "--format", "csv", "--output", str(output), "--seed", str(seed),
                    "--quiet", *(["--workers", str(workers)] if workers else [])], cwd=REPO_ROOT, check=True,
                   env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class HealthProbe(threading.Thread):
    """Calls /health in a loop and records each answer's latency in milliseconds."""

    def __init__(self, base_url: str, interval: float):
        super().__init__(daemon=True)
        self.client = httpx.Client(base_url=base_url, timeout=10)
        self.interval = interval
        self.latencies_ms: list[float] = []
        self.failures = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            started = time.perf_counter()
            try:
                ok = self.client.get("/health").status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                self.latencies_ms.append((time.perf_counter() - started) * 1000)
            else:
                self.failures += 1
            self.stopped.wait(self.interval)
        self.client.close()


def compute_percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def download(client: httpx.Client, base_url: str, job_id: str, path: Path, downloader: str) -> None:
    """The job's file to ``path``, with curl (what a user would run) or httpx (Python)."""
    if downloader == "curl":
        subprocess.run(["curl", "-sSf", "-o", str(path), f"{base_url}/jobs/{job_id}/download"], check=True)
        return
    with client.stream("GET", f"/jobs/{job_id}/download") as stream, open(path, "wb") as out:
        stream.raise_for_status()
        for block in stream.iter_bytes(1 << 20):
            out.write(block)


def run_api(schema_doc: dict, rows: int, chunk_size: int, seed: int, workdir: Path,
            health_interval: float, job_workers: int | None = None, base_env: dict | None = None,
            downloader: str = "curl") -> dict:
    port = find_free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**(base_env or os.environ), **({"JOB_WORKERS": str(job_workers)} if job_workers is not None else {}),
           "DATABASE_PATH": str(workdir / "jobs.sqlite3"), "TEMP_PATH": str(workdir / "temp"),
           "OUTPUT_PATH": str(workdir / "output"), "LOG_DIR": str(workdir / "logs"), "LOG_LEVEL": "WARNING",
           "MAX_ROWS": str(max(rows, 100_000_000)), "MAX_CHUNK_SIZE": str(max(chunk_size, 1_000_000)),
           "LLM_PROVIDER": "offline", "GEMINI_API_KEY": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "src.api_server.app:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning", "--no-access-log"], cwd=REPO_ROOT, env=env)
    client = httpx.Client(base_url=base_url, timeout=60)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the API server did not start")
            time.sleep(0.1)

        probe = HealthProbe(base_url, health_interval)
        cpu_before = read_cpu_seconds(server.pid)
        started = time.perf_counter()
        response = client.post("/jobs/create", json={"schema": schema_doc, "total_rows": rows,
                                                      "chunk_size": chunk_size, "output_format": "csv",
                                                      "seed": seed})
        response.raise_for_status()
        job_id = response.json()["job_id"]
        probe.start()
        while True:
            status = client.get(f"/jobs/{job_id}/status").json()
            if status["status"] in ("completed", "failed", "cancelled"):
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        cpu_seconds = read_cpu_seconds(server.pid) - cpu_before
        probe.stopped.set()
        probe.join()
        if status["status"] != "completed":
            raise RuntimeError(f"API job ended {status['status']}: {status.get('error_message')}")

        download_path = workdir / "api_download.csv"
        download_started = time.perf_counter()
        download(client, base_url, job_id, download_path, downloader)
        download_seconds = time.perf_counter() - download_started
        return {"seconds": elapsed, "cpu_seconds": cpu_seconds, "download_seconds": download_seconds,
                "end_to_end": time.perf_counter() - started, "status": status,
                "latencies_ms": probe.latencies_ms, "health_failures": probe.failures,
                "download_path": download_path}
    finally:
        client.close()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    args = parse_args()
    if args.high_priority:
        raise_priority()
    schema_doc = json.loads(args.schema.read_text())
    workdir = Path(tempfile.mkdtemp(prefix="bench_api_"))
    ratios: list[float] = []
    try:
        print(f"rows={args.rows:,} chunk_size={args.chunk_size:,} schema={args.schema.name} "
              f"({len(schema_doc['fields'])} fields) cores={os.cpu_count()} load={os.getloadavg()[0]:.1f}")
        # Compiled modules cached (in the temp dir) as an installed package has them, even where
        # PYTHONDONTWRITEBYTECODE is set; a short CLI run fills the cache.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        run_cli(args.schema, 1000, args.seed, workdir / "warm.csv", env=env)
        for attempt in range(1, args.repeat + 1):
            if args.repeat > 1:
                print(f"-- run {attempt}/{args.repeat}")
            cli_output = workdir / "cli.csv"
            cli_seconds, cli_cpu = run_cli(args.schema, args.rows, args.seed, cli_output, args.cli_workers, env)
            cli_rate = args.rows / cli_seconds
            cli_lines = count_lines(cli_output)
            cli_bytes = cli_output.stat().st_size
            cli_output.unlink()  # free the disk before the API run
            print(f"CLI : {cli_seconds:8.2f} s  {cli_rate:12,.0f} rows/s  cpu {cli_cpu:6.1f} s  "
                  f"({cli_lines - 1:,} rows, {cli_bytes / 1e6:,.0f} MB; includes process start-up)")

            shutil.rmtree(workdir / "temp", ignore_errors=True)
            shutil.rmtree(workdir / "output", ignore_errors=True)
            api = run_api(schema_doc, args.rows, args.chunk_size, args.seed, workdir, args.health_interval,
                          args.job_workers, env, args.download_with)
            api_rate = args.rows / api["seconds"]
            api_lines = count_lines(api["download_path"])
            api_bytes = api["download_path"].stat().st_size
            api["download_path"].unlink()
            print(f"API : {api['seconds']:8.2f} s  {api_rate:12,.0f} rows/s  cpu {api['cpu_seconds']:6.1f} s  "
                  f"({api_lines - 1:,} rows, {api_bytes / 1e6:,.0f} MB; create -> completed, file assembled; "
                  f"download ({args.download_with}) took {api['download_seconds']:.2f} s more)")
            ratio = api_rate / cli_rate
            whole = args.rows / api["end_to_end"] / cli_rate
            ratios.append(whole)
            print(f"API end to end (create -> download complete): {api['end_to_end']:.2f} s  "
                  f"{args.rows / api['end_to_end']:,.0f} rows/s")
            print(f"ratio API/CLI rows/s: {ratio:.2f} to completed, {whole:.2f} end to end  "
                  f"(target >= 0.80 end to end: {'OK' if whole >= 0.8 else 'MISSED'})")
            latencies = api["latencies_ms"]
            p50, p99 = compute_percentile(latencies, 50), compute_percentile(latencies, 99)
            mean = statistics.fmean(latencies) if latencies else float("nan")
            print(f"/health while generating: n={len(latencies)} p50={p50:.1f} ms p99={p99:.1f} ms "
                  f"max={max(latencies, default=float('nan')):.1f} ms mean={mean:.1f} ms "
                  f"failures={api['health_failures']}  (target p99 < 50 ms: {'OK' if p99 < 50 else 'MISSED'})")
            print(f"outputs: {'same size' if api_bytes == cli_bytes else 'sizes differ'}; "
                  f"rows equal: {api_lines == cli_lines}; load={os.getloadavg()[0]:.1f}")
        if args.repeat > 1:
            print(f"median ratio over {args.repeat} runs: {statistics.median(ratios):.2f}")
        return 0
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
