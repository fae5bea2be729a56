#!/usr/bin/env bash
# Sets up (idempotently), builds the release app and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
trunk build --release
echo "Storysafe is at http://127.0.0.1:8080/ (Ctrl-C to stop)" >&2
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
