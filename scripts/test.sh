#!/usr/bin/env bash
# Every test, in order from fastest to slowest. Run through `make test`,
# which installs the tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# A ceiling on the gzip total of the whole release build, so a size
# regression fails the tests. It is NOT the 250 KB target of issue 7, which
# the build does not meet yet (see README, "Size"); lower it as the build
# shrinks.
SIZE_CEILING_GZIP=950000

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "release build"
trunk build --release
# The same build for a sub-path host (only wasm-bindgen and wasm-opt rerun).
trunk build --release --public-url /gtm/ --dist target/dist-sub

step "size (gzip total of dist/, against the regression ceiling)"
node scripts/size.mjs dist --budget-gzip "$SIZE_CEILING_GZIP"

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" \
    cargo test --locked --target wasm32-unknown-unknown --test browser

step "end-to-end tests (Playwright, system Chromium, release build)"
(cd tests/e2e && npx playwright test)
