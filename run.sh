#!/usr/bin/env bash
# Sets up everything the suite needs on a fresh machine (Python packages, a
# Chromium, the real Mailpit), then runs it. Extra arguments go to pytest.
#   ./run.sh acceptance   the guide's scenarios against the bundled mock site
#   ./run.sh tests        the project's own tests (-n 3), then the acceptance run with -n auto
#   ./run.sh project-tests  the project's own tests alone (a CI shard: --splits N --group K)
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
# The Mailpit release that the suite builds and runs, and whose API the embedded catcher copies.
MAILPIT_VERSION=$(cat mailpit.version)
PIP_VERSION=25.3

# Never a password prompt: root runs apt itself, else sudo only if it needs no password.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

require_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    found=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "aucun")
    echo "Python 3.11 ou plus est nécessaire (trouvé : $found) ; indiquez-en un avec PYTHON=/chemin/vers/python3.11" >&2
    exit 1
  fi
}

# The project's own environment (.venv, git-ignored): the system Python of Debian and Ubuntu refuses
# pip (PEP 668). Inside a virtual environment already, or in the container, that one serves.
use_environment() {
  require_python
  if [ -n "${VIRTUAL_ENV:-}" ] || [ -n "${SUITE_IN_CONTAINER:-}" ]; then
    return
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "First set-up: the suite's pinned Python packages into .venv, a Chromium, and Mailpit built with Go where Go is installed (about a minute), so that the suite runs here without Docker." >&2
    if ! "$PYTHON" -m venv .venv >/dev/null 2>&1; then
      rm -rf .venv
      echo "Le module venv de Python manque : installation du paquet python3-venv." >&2
      if ! apt_install python3-venv; then
        echo "Lancez d'abord : sudo apt-get install -y python3-venv" >&2
        exit 1
      fi
      "$PYTHON" -m venv .venv
    fi
  fi
  PYTHON=$PWD/.venv/bin/python
}

# The suite (pyproject.toml) in editable mode, with the dependency groups the command needs.
# pip reads dependency groups from 25.1 on; a virtual environment's own pip is often older.
install_packages() {
  if command -v uv >/dev/null 2>&1; then
    uv pip install --quiet --python "$PYTHON" --editable . "$@"
  else
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "pip==$PIP_VERSION"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --editable . "$@"
  fi
}

# Playwright's own Chromium where it can be downloaded; else the system's
# (Debian's package), which the suite finds by itself (harness/browser.py).
install_browser() {
  if "$PYTHON" -m playwright install chromium >/dev/null 2>&1; then
    # Its system libraries too, where apt runs without a prompt (root, or sudo without a password).
    if as_root true && ! "$PYTHON" -m playwright install-deps chromium >/dev/null 2>&1; then
      echo "Les bibliothèques système de Chromium n'ont pas pu être installées (playwright install-deps chromium)." >&2
    fi
    return
  fi
  if command -v chromium-headless-shell >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then
    return
  fi
  # The old headless shell runs the suite with half the CPU of the whole browser; the whole one serves --headed.
  if command -v chromium >/dev/null 2>&1; then
    apt_install chromium-headless-shell ||
      echo "Sans le paquet chromium-headless-shell, le Chromium complet sert, deux fois plus lent." >&2
    return
  fi
  echo "Playwright cannot download its Chromium here: installing Debian's chromium packages." >&2
  if ! apt_install chromium chromium-headless-shell; then
    echo "Lancez d'abord : sudo apt-get install -y chromium chromium-headless-shell" >&2
    exit 1
  fi
}

apt_install() {
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The real Mailpit, built from its Go module into .tools/bin (git-ignored) once
# per machine; the suite finds it there (mails/mailpit_choice.py). Without Go, the
# suite's embedded catcher serves instead.
# Go on PATH, else where its official archive installs it; nothing when absent.
go_command() {
  command -v go || { [ ! -x /usr/local/go/bin/go ] || echo /usr/local/go/bin/go; }
}

install_mailpit() {
  local mailpit=.tools/bin/mailpit go built=""
  [ ! -x "$mailpit" ] || built=$("$mailpit" version --no-release-check 2>/dev/null || true)
  case "$built" in
    *" $MAILPIT_VERSION "*) return ;;
  esac
  go=$(go_command)
  if [ -z "$go" ]; then
    echo "Go is not installed: Mailpit $MAILPIT_VERSION is not built, the suite's embedded catcher serves instead." >&2
    return
  fi
  echo "Building Mailpit $MAILPIT_VERSION into .tools/bin (once per machine, about a minute)…" >&2
  # The version is stamped as Mailpit's own release builds do, so /api/v1/info tells it.
  GOBIN="$PWD/.tools/bin" "$go" install \
    -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" \
    "github.com/axllent/mailpit@$MAILPIT_VERSION"
}

# The project's tests put a slow network between the suite and a staging-like target
# (tests/suite/test_staging_access.py): Toxiproxy's server, pinned, built once into .tools/bin.
TOXIPROXY_VERSION=v2.5.0
install_toxiproxy() {
  local toxiproxy=.tools/bin/toxiproxy-server go
  [ ! -x "$toxiproxy" ] || ! "$toxiproxy" -version 2>/dev/null | grep -q "$TOXIPROXY_VERSION" || return 0
  go=$(go_command)
  if [ -z "$go" ]; then
    echo "Go is not installed: Toxiproxy $TOXIPROXY_VERSION is not built; the staging test will say so." >&2
    return
  fi
  echo "Building Toxiproxy $TOXIPROXY_VERSION into .tools/bin (once per machine)…" >&2
  # Its command is named server: built apart, then named for what it is.
  GOBIN="$PWD/.tools/toxiproxy" "$go" install \
    -ldflags "-X github.com/Shopify/toxiproxy/v2.Version=$TOXIPROXY_VERSION" \
    "github.com/Shopify/toxiproxy/v2/cmd/server@$TOXIPROXY_VERSION"
  mv .tools/toxiproxy/server "$toxiproxy"
}

# One worker per core (the whole suite in under 3 minutes on 2 cores), unless the arguments choose
# (-n, -p no:xdist, here or in PYTEST_ADDOPTS) or name a staging file (option or STAGING_CONFIG), whose
# accounts serve one scenario at a time.
workers_unless_chosen() {
  local argument
  [ -z "${STAGING_CONFIG:-}" ] || return 0
  # shellcheck disable=SC2086  # PYTEST_ADDOPTS's words, as pytest reads them
  for argument in "$@" ${PYTEST_ADDOPTS:-}; do
    case "$argument" in
      -n | -n[0-9]* | -nauto | --numprocesses* | no:xdist | -pno:xdist | --staging-config*) return ;;
    esac
  done
  echo "-n auto"
}

command=${1:-}
shift || true
case "$command" in
  acceptance)
    use_environment
    install_packages --group mock
    install_browser
    install_mailpit
    # shellcheck disable=SC2046  # two words, or none
    exec "$PYTHON" -m pytest steps $(workers_unless_chosen "$@") "$@"
    ;;
  tests|project-tests)
    use_environment
    install_packages --group tests
    install_browser
    install_mailpit
    install_toxiproxy
    # Three workers on two cores: a quarter of the project's tests' time is spent waiting (their runs of the
    # suite wait on latency, timeouts and late mail), 267 to 287 s instead of 354 s (bench/README.md). worksteal: the
    # long tests (the fault matrix, the fresh clone) do not pile up on one worker at the end.
    "$PYTHON" -m pytest tests -n 3 --dist worksteal "$@"
    [ "$command" = tests ] || exit 0
    # Last, the whole suite as the container image runs it (Dockerfile: ENTRYPOINT and CMD).
    exec "$PYTHON" -m pytest steps -n auto
    ;;
  *)
    echo "usage: ./run.sh acceptance|tests|project-tests [pytest options]" >&2
    exit 2
    ;;
esac
