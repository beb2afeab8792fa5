"""Installs reproduce: every package pinned in constraints.txt, a fresh install resolves exactly those
pins, the venv holds them, and `pip install` of the project gives an importable `synthgen`."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!-]+)(?: ; (?P<marker>[^/]+))?$")
BUILD_ONLY = {"hatchling", "pathspec", "trove-classifiers", "tomlkit"}  # the build backend's


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        if line and not line.startswith("#"):
            match = PIN.match(line)
            assert match, f"not a plain 'name==version [; marker]' line: {line!r}"
            pins[normalize(match["name"])] = match["version"]
    return pins


def find_uv() -> str:
    uv = shutil.which("uv") or str(Path.home() / ".local" / "bin" / "uv")
    assert Path(uv).exists(), "uv is installed by ./start.sh setup; run it first"
    return uv


def run_uv(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    return subprocess.run([find_uv(), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, **kwargs)


def test_constraints_pin_every_package_without_addresses_or_paths():
    text = CONSTRAINTS.read_text()
    assert "://" not in text and "/work" not in text and "/root" not in text and "file:" not in text
    assert not re.search(r"^\s*-", text, re.M)  # no -e, --index-url, -r
    pins = read_pins()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    direct = project["project"]["dependencies"] + project["dependency-groups"]["dev"]
    for requirement in direct:
        name, version = requirement.split("==")
        assert pins.get(normalize(name)) == version, f"{requirement} differs from constraints.txt"
    assert (ROOT / ".gitignore").read_text().splitlines().count("uv.lock") == 1


def test_the_venv_holds_exactly_the_pinned_versions():
    pins = read_pins()
    installed = {normalize(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    installed.pop("synthgen")
    for tool in ("pip", "setuptools", "wheel"):  # the venv's own tools, when present
        installed.pop(tool, None)
    unpinned = {n: v for n, v in installed.items() if pins.get(n) != v}
    assert unpinned == {}, "installed but not pinned so: run ./start.sh pin (or ./start.sh setup)"
    missing = set(pins) - set(installed) - BUILD_ONLY - {"colorama", "httpx2-jsfetch"}  # other platforms
    assert missing == set()


def test_a_fresh_install_resolves_exactly_the_pins(tmp_path):
    """What `./start.sh test` installs into a new .venv, resolved from scratch (no uv.lock)."""
    venv = tmp_path / "venv"
    assert run_uv("venv", "--quiet", str(venv)).returncode == 0
    result = run_uv("pip", "install", "--python", str(venv / "bin" / "python"), "--dry-run",
                    "--constraints", "constraints.txt", "--build-constraints", "constraints.txt",
                    "--editable", ".", "--group", "pyproject.toml:dev")
    assert result.returncode == 0, result.stderr
    resolved = dict(re.findall(r"^ \+ ([A-Za-z0-9._-]+)==(\S+)", result.stderr, re.M))
    resolved = {normalize(n): v for n, v in resolved.items()}
    assert re.search(r"^ \+ synthgen @ ", result.stderr, re.M)  # the project itself, editable
    pins = read_pins()
    assert resolved == {n: v for n, v in pins.items() if n in resolved}
    assert set(pins) - set(resolved) <= BUILD_ONLY | {"colorama", "httpx2-jsfetch"}


@pytest.mark.slow
def test_installing_the_project_gives_an_importable_synthgen_outside_the_checkout(tmp_path):
    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    assert run_uv("venv", "--quiet", str(venv)).returncode == 0
    result = run_uv("pip", "install", "--python", str(python), "--no-deps", "--build-constraints",
                    "constraints.txt", ".")
    assert result.returncode == 0, result.stderr
    # The dependencies come from the project's venv (already pinned); the package itself from the wheel.
    site = next(venv.glob("lib/python3*/site-packages"))
    deps = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    (site / "zz_deps.pth").write_text(f"{deps}\n")
    code = ("import synthgen; t = synthgen.generate({'fields': [{'name': 'id', 'type': 'sequence'}]}, 3, "
            "seed=1); print(synthgen.__file__); print(t.column('id').to_pylist())")
    run = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [str(site / "synthgen" / "__init__.py"), "[1, 2, 3]"]
    cli = subprocess.run([str(venv / "bin" / "synthgen"), "generate", "--help"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0 and "examples:" in cli.stdout


def installed_versions() -> dict[str, str]:
    code = ("import importlib.metadata as m, json; "
            "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout)


@pytest.mark.slow
def test_starting_the_product_after_the_tests_keeps_the_test_tools(tmp_path):
    """`./start.sh` installs without the test tools but never removes them (no exact sync)."""
    before = installed_versions()
    assert "pytest" in before
    with socket.socket() as taken:  # the run stops right after its install, at the port check
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = {**os.environ, "API_PORT": str(taken.getsockname()[1]), "ENV_FILE": str(tmp_path / "none.env")}
        result = subprocess.run(["./start.sh", "api"], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=300)
    assert result.returncode == 1 and "is in use" in result.stderr
    assert installed_versions() == before


def test_uv_project_commands_resolve_the_same_pins(tmp_path):
    """`uv sync` / `uv run` (the brief's `uv run uvicorn ...`) lock with pyproject's copy of the pins."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = project["tool"]["uv"]["constraint-dependencies"]
    lines = [line for line in CONSTRAINTS.read_text().splitlines() if line and not line.startswith("#")]
    assert listed == lines, "pyproject's constraint-dependencies differ: run ./start.sh pin"
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    result = run_uv("lock", "--offline", "--directory", str(tmp_path))
    if result.returncode != 0:  # a cold cache: ask the registry
        result = run_uv("lock", "--directory", str(tmp_path))
    assert result.returncode == 0, result.stderr
    locked = tomllib.loads((tmp_path / "uv.lock").read_text())["package"]
    resolved = {normalize(p["name"]): p["version"] for p in locked if p["name"] != "synthgen"}
    pins = read_pins()
    assert resolved == {n: v for n, v in pins.items() if n in resolved}
    assert set(pins) - set(resolved) <= BUILD_ONLY
