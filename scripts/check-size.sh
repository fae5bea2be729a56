#!/usr/bin/env bash
# Size budget: the app's files in dist/ (wasm + js + css), gzipped as a server would send them,
# must stay within the budget. Prints each file and the total; fails above the budget.
#   scripts/check-size.sh [DIST]            (default dist/, after `trunk build --release`)
#   SIZE_BUDGET_KB=650 scripts/check-size.sh
# The budget (1,300 KB, 1 KB = 1000 bytes): today's build is ~1,205 KB, of which ~550 KB are the
# name and place dictionaries, front-coded by build.rs (full SSA first-name and Census surname lists:
# trimming them would drop rare surnames of smaller communities first). See README "Size and speed".
set -euo pipefail
cd "$(dirname "$0")/.."

DIST="${1:-dist}"
BUDGET_KB="${SIZE_BUDGET_KB:-1300}"

[ -f "$DIST/index.html" ] || { echo "check-size: no build in $DIST/ (run trunk build --release)" >&2; exit 1; }

mapfile -t files < <(find "$DIST" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) ! -path '*/.stage/*' | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || { echo "check-size: no wasm/js/css in $DIST/" >&2; exit 1; }
grep -q '\.wasm$' < <(printf '%s\n' "${files[@]}") || { echo "check-size: no .wasm in $DIST/" >&2; exit 1; }

total_raw=0
total_gz=0
printf '%-40s %10s %10s\n' "file" "raw" "gzip -9"
for f in "${files[@]}"; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz"
done
budget=$((BUDGET_KB * 1000))
printf '%-40s %10d %10d\n' "total" "$total_raw" "$total_gz"
awk -v gz="$total_gz" -v b="$budget" -v kb="$BUDGET_KB" \
  'BEGIN { printf "bundle: %.1f KB gzipped, budget %d KB (%.0f%% used)\n", gz / 1000, kb, 100 * gz / b }'
if [ "$total_gz" -gt "$budget" ]; then
  echo "check-size: FAIL: the app is $total_gz bytes gzipped, above the budget of $budget bytes" >&2
  exit 1
fi
