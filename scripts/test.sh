#!/usr/bin/env bash
# Set up a fresh machine for the tests and run them: a virtualenv with the project and its test
# extras, and Debian's chromium + chromedriver for the browser tests (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test]"
exec .venv/bin/python -m pytest "$@"
