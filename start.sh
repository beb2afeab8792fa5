#!/usr/bin/env bash
# ./start.sh            API (port 8080) + UI (port 8501); Ctrl-C stops both
# ./start.sh setup      install uv if missing, then the project's packages into .venv
# ./start.sh test       setup, then the whole test suite (extra arguments go to pytest)
# ./start.sh api | ui   one service in the foreground
set -euo pipefail
cd "$(dirname "$0")"
export UV_PYTHON_DOWNLOADS=never
API_PORT="${API_PORT:-8080}"
UI_PORT="${UI_PORT:-8501}"
# The UI follows a non-default API port unless API_BASE_URL says otherwise.
if [ -z "${API_BASE_URL:-}" ] && [ "$API_PORT" != "8080" ]; then
  export API_BASE_URL="http://localhost:$API_PORT"
fi

ensure_uv() {
  if ! command -v uv >/dev/null 2>&1; then
    export PATH="$HOME/.local/bin:$PATH"
    command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
      || python3 -m pip install --quiet uv
  fi
}

setup() {
  ensure_uv
  uv sync --quiet
}

run_api() {
  mkdir -p logs
  exec .venv/bin/uvicorn src.api_server.app:app --host "${API_HOST:-0.0.0.0}" --port "$API_PORT" "$@"
}

run_ui() {
  mkdir -p logs
  exec .venv/bin/streamlit run streamlit_app.py --server.port "$UI_PORT" --server.headless true \
    --browser.gatherUsageStats false "$@"
}

cmd="${1:-all}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup ;;
  test)
    setup
    .venv/bin/python -m pytest "$@"
    ;;
  api) setup; run_api "$@" ;;
  ui) setup; run_ui "$@" ;;
  all)
    setup
    mkdir -p logs
    ( run_api ) >>logs/api_stdout.log 2>&1 &
    api_pid=$!
    ( run_ui ) >>logs/streamlit.log 2>&1 &
    ui_pid=$!
    trap 'kill $api_pid $ui_pid 2>/dev/null; wait 2>/dev/null; exit 0' INT TERM
    echo "API:  http://localhost:$API_PORT  (docs: /docs)   logs/api.log"
    echo "UI:   http://localhost:$UI_PORT                     logs/streamlit.log"
    echo "Ctrl-C stops both."
    wait -n $api_pid $ui_pid || true
    kill $api_pid $ui_pid 2>/dev/null || true
    wait 2>/dev/null || true
    ;;
  *) echo "usage: ./start.sh [setup|test|api|ui]" >&2; exit 2 ;;
esac
