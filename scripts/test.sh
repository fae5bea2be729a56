#!/usr/bin/env bash
# Sets up (idempotently) and runs every test: clippy (native and wasm), native unit and integration tests (including the
# detection floors on the gold corpora), wasm-bindgen-test in headless Chromium, the release build,
# the bundle size budget, the FHIR validation, and the Playwright end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "lints (cargo clippy, native and wasm, warnings are errors)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (cargo test)"
cargo test --all-targets --quiet
cargo test --doc --quiet

step "wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

step "release build (trunk build --release)"
trunk build --release

if [ -x scripts/check-size.sh ]; then
  step "bundle size budget"
  scripts/check-size.sh
fi

step "share package schema and FHIR Consent (independent Python validators)"
cargo build --quiet --release --bin storysafe
python3 tests/schema/validate_package.py
python3 tests/fhir/validate.py --bin "${CARGO_TARGET_DIR:-target}/release/storysafe"

step "end-to-end tests (Playwright + Chromium)"
# A free port for the test server unless one is given, so that two checkouts testing at once on one
# machine never test each other's build.
export E2E_PORT="${E2E_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
npx playwright test
