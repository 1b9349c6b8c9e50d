#!/usr/bin/env bash
# Sets up everything the suite needs on a fresh machine (Python packages, a
# Chromium), then runs it. Extra arguments go to pytest.
#   ./run.sh acceptance   the guide's scenarios against the bundled mock site
#   ./run.sh tests        the project's own tests (-n 2), then the acceptance run with -n 2
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}

install_packages() {
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements.txt
}

# Playwright's own Chromium where it can be downloaded; else the system's
# (Debian's package), which the suite finds by itself (harness/browser.py).
install_browser() {
  if "$PYTHON" -m playwright install chromium >/dev/null 2>&1; then
    return
  fi
  if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then
    return
  fi
  echo "Playwright cannot download its Chromium here: installing Debian's chromium package." >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

command=${1:-}
shift || true
case "$command" in
  acceptance)
    install_packages
    install_browser
    exec "$PYTHON" -m pytest steps "$@"
    ;;
  tests)
    install_packages
    install_browser
    "$PYTHON" -m pytest tests -n 2 "$@"
    exec "$PYTHON" -m pytest steps -n 2
    ;;
  *)
    echo "usage: ./run.sh acceptance|tests [pytest options]" >&2
    exit 2
    ;;
esac
