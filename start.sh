#!/usr/bin/env bash
# ./start.sh            API (API_PORT, default 8080) + UI (UI_PORT, default 8501); Ctrl-C stops both
# ./start.sh setup      install uv if missing, then the pinned packages into .venv (prints the commands)
# ./start.sh test       setup with the test tools, then the whole test suite (extra arguments go to pytest)
# ./start.sh api | ui   one service in the foreground
# ./start.sh pin        re-resolve and rewrite constraints.txt (after changing dependencies)
#
# Settings come from the environment, then from ENV_FILE (default .env): API_HOST (default 127.0.0.1),
# API_PORT, UI_PORT, LOG_DIR, START_TIMEOUT (seconds to wait for both services, default 120).
set -euo pipefail
cd "$(dirname "$0")"
export UV_PYTHON_DOWNLOADS=never
CONSTRAINTS=constraints.txt
PY=.venv/bin/python

say() { echo "start.sh: $*" >&2; }

# KEY=VALUE lines of the env file, exported unless the environment already has the key (the same
# precedence as the services' own settings). Read, never sourced: a .env cannot run code.
load_env_file() {
  local file="${ENV_FILE:-.env}" line key value
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line#export }"
    [[ -z "$line" || "$line" == \#* || "$line" != *=* ]] && continue
    key="${line%%=*}"
    key="${key%"${key##*[![:space:]]}"}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    value="${line#*=}"
    value="${value#"${value%%[![:space:]]*}"}"
    if [[ "$value" == \"*\"* ]]; then
      value="${value#\"}"; value="${value%%\"*}"
    elif [[ "$value" == \'*\'* ]]; then
      value="${value#\'}"; value="${value%%\'*}"
    else
      value="${value%%[[:space:]]#*}"
      value="${value%"${value##*[![:space:]]}"}"
    fi
    [ -n "${!key+x}" ] || export "$key=$value"
  done <"$file"
}

# Only the services see the env file's values; tests and installs run with the environment as it is.
case "${1:-all}" in all | api | ui) load_env_file ;; esac
API_HOST="${API_HOST:-127.0.0.1}"
API_PORT="${API_PORT:-8080}"
UI_PORT="${UI_PORT:-8501}"
LOG_DIR="${LOG_DIR:-./logs}"
START_TIMEOUT="${START_TIMEOUT:-120}"
for setting in API_PORT UI_PORT START_TIMEOUT; do
  if ! [[ "${!setting}" =~ ^[0-9]+$ ]] || [ "${!setting}" -lt 1 ] || [ "${!setting}" -gt 65535 ]; then
    say "$setting must be a number from 1 to 65535, not '${!setting}'"
    exit 2
  fi
done
case "$API_HOST" in
  0.0.0.0 | "") PROBE_HOST=127.0.0.1 ;;
  :: | "[::]") PROBE_HOST=::1 ;;
  *) PROBE_HOST="$API_HOST" ;;
esac
case "$API_HOST" in
  0.0.0.0 | 127.0.0.1 | localhost | "") URL_HOST=localhost ;;
  *) URL_HOST="$API_HOST" ;;
esac

UV_OFF_PATH=0
ensure_uv() {
  if ! command -v uv >/dev/null 2>&1; then
    UV_OFF_PATH=1
    export PATH="$HOME/.local/bin:$PATH"
    command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
      || python3 -m pip install --quiet --user --break-system-packages uv \
      || { say "could not install uv with pip; install uv yourself and rerun"; exit 1; }
  fi
}

# Install the project (editable) and its pinned dependencies into .venv. `uv pip install` only adds
# or changes packages, never removes any: `./start.sh` after `./start.sh test` keeps the test tools.
setup() {
  if [ ! -x "$PY" ]; then
    say "first run: installing uv (if missing) and the pinned packages into .venv ..."
    ensure_uv
    uv venv --quiet .venv
  fi
  ensure_uv
  uv pip install --quiet --python "$PY" --constraints "$CONSTRAINTS" --build-constraints "$CONSTRAINTS" \
    --editable . "$@"
}

print_commands() {
  echo "Installed synthgen and its pinned packages (constraints.txt) into .venv. Commands:"
  echo "  ./start.sh                           API on http://localhost:$API_PORT + UI on http://localhost:$UI_PORT"
  echo "  ./start.sh test                      the test suite"
  echo "  .venv/bin/synthgen --help            the CLI (or: source .venv/bin/activate; synthgen --help)"
  echo "  .venv/bin/python -c 'import synthgen'  the Python API"
  if [ "$UV_OFF_PATH" = 1 ]; then
    echo "uv is at $(command -v uv), which is not on your PATH; to use it directly:"
    echo "  export PATH=\"\$HOME/.local/bin:\$PATH\""
  fi
}

pin() {
  ensure_uv
  {
    echo "# Every package version synthgen installs (runtime, the dev group, the build backend)."
    echo "# Used as constraints by ./start.sh; with pip: pip install -c constraints.txt ."
    echo "# Regenerate with ./start.sh pin after changing pyproject.toml (existing pins are kept)."
    echo hatchling | uv pip compile pyproject.toml - --group dev --universal --quiet --no-header \
      --no-annotate -o "$CONSTRAINTS" >/dev/null
    grep -v '^#' "$CONSTRAINTS"
  } >"$CONSTRAINTS.new"
  mv "$CONSTRAINTS.new" "$CONSTRAINTS"
  # The same pins for uv's own project commands (uv sync / uv run / uv lock), which read no file.
  python3 - "$CONSTRAINTS" <<'EOF_PY'
import json, re, sys
pins = [line for line in open(sys.argv[1]).read().splitlines() if line and not line.startswith("#")]
block = "constraint-dependencies = [\n" + "".join(f"    {json.dumps(p)},\n" for p in pins) + "]"
text = open("pyproject.toml").read()
text, count = re.subn(r"^constraint-dependencies = \[.*?^\]", lambda m: block, text, flags=re.M | re.S)
assert count == 1, "pyproject.toml needs one [tool.uv] constraint-dependencies list"
open("pyproject.toml", "w").write(text)
EOF_PY
  echo "wrote $CONSTRAINTS and pyproject.toml [tool.uv] constraint-dependencies ($(grep -vc '^#' "$CONSTRAINTS") packages)"
}

# Which of our ports are taken (one line each); the host for the API is API_HOST's.
check_ports() {
  "$PY" - "$@" <<'EOF'
import errno, socket, sys

args, problems = sys.argv[1:], []
for name, host, port in zip(args[0::3], args[1::3], args[2::3]):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), int(port)))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                problems.append(f"port {port} is in use ({name}): stop what uses it or set {name}")
            elif err.errno == errno.EACCES:
                problems.append(f"port {port} needs more privileges ({name}): choose a port above 1023")
            else:
                problems.append(f"cannot listen on {host}:{port} ({name}): {err.strerror}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
}

# True when http://host:port/path answers 200 (plain bash: no curl needed).
probe() {
  (
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$3" "$1" >&3
    IFS= read -r -t 5 status <&3 || exit 1
    [[ "$status" == HTTP/1.?" 200"* ]]
  ) 2>/dev/null
}

run_api() {
  export LOG_DIR
  exec "$PY" -m uvicorn src.api_server.app:app --host "$API_HOST" --port "$API_PORT" "$@"
}

run_ui() {
  # The UI follows API_HOST/API_PORT unless API_BASE_URL says otherwise.
  export API_BASE_URL="${API_BASE_URL:-http://$PROBE_HOST:$API_PORT}"
  exec .venv/bin/streamlit run streamlit_app.py --server.port "$UI_PORT" --server.headless true \
    --browser.gatherUsageStats false "$@"
}

# "exit code 1" or "killed by signal 9 (KILL)" for a status from `wait`.
describe_status() {
  if [ "$1" -gt 128 ]; then
    echo "killed by signal $(($1 - 128)) ($(kill -l $(($1 - 128)) 2>/dev/null || echo '?'))"
  else
    echo "exit code $1"
  fi
}

report_death() {  # name pid log when
  local status=0
  wait "$2" 2>/dev/null || status=$?
  say "the $1 stopped $4 ($(describe_status "$status")); last lines of $3:"
  tail -n 20 "$3" | sed 's/^/    /' >&2
}

any_alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

stop_children() {
  local pid
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in {1..50}; do
    any_alive "$@" || break
    sleep 0.2
  done
  for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

run_all() {
  local problems api_pid ui_pid api_log="$LOG_DIR/api_stdout.log" ui_log="$LOG_DIR/streamlit.log"
  local api_ready=0 ui_ready=0 deadline=$((SECONDS + START_TIMEOUT))
  if [ "$API_PORT" = "$UI_PORT" ]; then
    say "API_PORT and UI_PORT are both $API_PORT: choose two different ports"
    exit 1
  fi
  if ! problems=$(check_ports API_PORT "$API_HOST" "$API_PORT" UI_PORT 0.0.0.0 "$UI_PORT"); then
    while IFS= read -r line; do say "$line"; done <<<"$problems"
    exit 1
  fi
  mkdir -p "$LOG_DIR"
  ( run_api ) >"$api_log" 2>&1 &
  api_pid=$!
  ( run_ui ) >"$ui_log" 2>&1 &
  ui_pid=$!
  trap 'stop_children $api_pid $ui_pid; exit 0' INT TERM
  trap 'stop_children $api_pid $ui_pid' EXIT
  echo "Starting synthgen: API on port $API_PORT, UI on port $UI_PORT ..." >&2
  while [ $api_ready = 0 ] || [ $ui_ready = 0 ]; do
    if ! kill -0 "$api_pid" 2>/dev/null; then
      report_death API "$api_pid" "$api_log" "before it answered"; exit 1
    fi
    if ! kill -0 "$ui_pid" 2>/dev/null; then
      report_death UI "$ui_pid" "$ui_log" "before it answered"; exit 1
    fi
    [ $api_ready = 1 ] || { probe "$PROBE_HOST" "$API_PORT" /health && api_ready=1; } || true
    [ $ui_ready = 1 ] || { probe 127.0.0.1 "$UI_PORT" /_stcore/health && ui_ready=1; } || true
    if [ $SECONDS -ge $deadline ]; then
      [ $api_ready = 1 ] || say "the API did not answer on port $API_PORT within ${START_TIMEOUT}s; see $api_log"
      [ $ui_ready = 1 ] || say "the UI did not answer on port $UI_PORT within ${START_TIMEOUT}s; see $ui_log"
      exit 1
    fi
    sleep 0.2
  done
  echo "synthgen is running:"
  echo "  API:  http://$URL_HOST:$API_PORT  (docs: /docs)   logs: $LOG_DIR/api.log"
  echo "  UI:   http://localhost:$UI_PORT                  logs: $ui_log"
  echo "Ctrl-C stops both."
  wait -n "$api_pid" "$ui_pid" || true
  if ! kill -0 "$api_pid" 2>/dev/null; then
    report_death API "$api_pid" "$api_log" "unexpectedly"
  else
    report_death UI "$ui_pid" "$ui_log" "unexpectedly"
  fi
  exit 1
}

cmd="${1:-all}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup --group dev; print_commands ;;
  test)
    setup --group dev
    "$PY" -m pytest "$@"
    ;;
  pin) pin ;;
  api | ui)
    setup
    port_name=API_PORT; host="$API_HOST"; port="$API_PORT"
    [ "$cmd" = ui ] && { port_name=UI_PORT; host=0.0.0.0; port="$UI_PORT"; }
    if ! problems=$(check_ports "$port_name" "$host" "$port"); then say "$problems"; exit 1; fi
    mkdir -p "$LOG_DIR"
    if [ "$cmd" = api ]; then run_api "$@"; else run_ui "$@"; fi
    ;;
  all) setup; run_all ;;
  *) echo "usage: ./start.sh [setup|test|api|ui|pin]" >&2; exit 2 ;;
esac
