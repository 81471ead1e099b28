#!/usr/bin/env bash
# Set up a fresh machine and run vanban: index the bundled corpus, then serve the search UI
# on http://127.0.0.1:5000 (pass --host/--port to change; see `vanban serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian-packages.sh
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
.venv/bin/vanban index
exec .venv/bin/vanban serve "$@"
