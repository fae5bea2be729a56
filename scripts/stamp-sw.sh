#!/bin/sh
# Stamps the service worker of a build with that build's files and their SHA-256, and names its
# cache after a hash of them all, so that every build that changes any file publishes a different
# sw.js (which is how browsers notice a new version). Trunk runs it after each build (a post_build
# hook in Trunk.toml, on its staging folder); it can also be run by hand on a folder:
#   scripts/stamp-sw.sh dist
# Running it again re-stamps (after a file of the folder changed). POSIX sh, no other tools than
# find, sort, awk and sha256sum (or shasum on macOS).
set -eu

dir="${1:-${TRUNK_STAGING_DIR:-}}"
[ -n "$dir" ] || { echo "stamp-sw: usage: $0 DIR (or run as a Trunk hook)" >&2; exit 2; }
[ -f "$dir/sw.js" ] || { echo "stamp-sw: no sw.js in $dir" >&2; exit 1; }
cd "$dir"

if command -v sha256sum >/dev/null 2>&1; then
  sha() { sha256sum "$@"; }
else
  sha() { shasum -a 256 "$@"; }
fi

# Every file the app is made of: not the worker itself, not hidden files, not host configuration
# such as _headers.
files=$(find . -type f ! -name sw.js ! -name '.*' ! -name '_*' ! -path './.*' | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$files" ] || { echo "stamp-sw: $dir has no files" >&2; exit 1; }
case "$files" in
  *' '*) echo "stamp-sw: file names with spaces are not supported" >&2; exit 1 ;;
esac
for required in index.html loader.js; do
  echo "$files" | grep -qx "$required" || { echo "stamp-sw: $dir has no $required" >&2; exit 1; }
done

# shellcheck disable=SC2086 # one word per file name (checked above)
sums=$(sha $files)
version=$(printf '%s\n' "$sums" | sha | cut -c1-16)
entries=$(printf '%s\n' "$sums" | awk '{ printf "%s\"%s\": \"%s\"", (NR > 1 ? ", " : ""), $2, $1 }')
stamp="const BUILD = { version: '$version', files: { $entries } }; // @stamp"

awk -v stamp="$stamp" '
  /^const BUILD = .*\/\/ @stamp$/ { print stamp; n++; next }
  { print }
  END { if (n != 1) exit 3 }
' sw.js > sw.js.tmp || { rm -f sw.js.tmp; echo "stamp-sw: sw.js has no // @stamp line" >&2; exit 1; }
mv sw.js.tmp sw.js
echo "stamp-sw: service worker for build $version ($(echo "$files" | wc -l | tr -d ' ') files)" >&2
