#!/usr/bin/env bash
# Installs everything Storysafe needs to build, serve and test, skipping what is already present at
# the pinned version. Safe to run again and again. Needs: rustup/cargo, node/npm, python3, apt (root
# or sudo) — the packages come from crates.io, npm, PyPI and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
FHIR_RESOURCES_VERSION=8.3.0
JSONSCHEMA_VERSION=4.26.0
say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen CLI must equal the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# 1. System packages: Chromium + driver for browser tests, nginx for the hosting test.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Rust: the wasm target, Trunk and wasm-bindgen-cli at pinned versions.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -q '^clippy'; then
  say "rustup component add clippy"
  rustup component add clippy
fi
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: its lockfile names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# 3. npm: Playwright (driving Debian's Chromium, never a downloaded browser), axe-core, binaryen's wasm-opt.
if ! npm ls --depth=0 >/dev/null 2>&1 || [ ! -x node_modules/.bin/wasm-opt ]; then
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# 4. Python: the independent validators used by the tests (FHIR resources, JSON Schema).
py_has() { python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" 2>/dev/null; }
for spec in "fhir.resources==$FHIR_RESOURCES_VERSION" "jsonschema==$JSONSCHEMA_VERSION"; do
  if ! py_has "${spec%%==*}" "${spec##*==}"; then
    say "pip install $spec"
    python3 -m pip install -q --disable-pip-version-check "$spec"
  fi
done

# 5. Crates for offline builds (Trunk runs cargo with --offline).
cargo fetch -q
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version))"
