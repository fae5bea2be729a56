#!/usr/bin/env bash
# Sets up (idempotently) and builds the release app into dist/: the folder to upload to any static
# host, at the site's root or in a sub-folder (README "Hosting"). Checks the size budget and lists
# the files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
trunk build --release
scripts/check-size.sh
echo "dist/ is ready: upload everything in it (README \"Hosting\")." >&2
(cd dist && find . -type f ! -path './.*' | sed 's|^\./|  |' | LC_ALL=C sort) >&2
