#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing, and says
# what it installs. A second run installs nothing.
#
#   scripts/ensure-tools.sh build   wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli,
#                                   wasm-opt
#   scripts/ensure-tools.sh test    the above, plus Chromium + chromedriver and the
#                                   npm test dependencies (no browser download)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the wasm module into one chunk per lazily loaded workspace
# (tools/bin/wasm-bindgen runs it before wasm-bindgen).
WASM_SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

ensure_build_tools() {
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        say "installing the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
        say "installing trunk $TRUNK_VERSION (about 16 minutes on 2 cores, once)"
        cargo install trunk --version "$TRUNK_VERSION" --locked
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WBG_VERSION"; then
        say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes, once)"
        cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked \
            || cargo install wasm-bindgen-cli --version "$WBG_VERSION"
    fi
    if ! command -v wasm-split-cli >/dev/null \
        || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
        say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, 2 to 7 minutes, once)"
        cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
    fi
    if [ ! -x tools/node_modules/.bin/wasm-opt ] \
        || ! tools/node_modules/.bin/wasm-opt --version | grep -q "version 132"; then
        say "installing wasm-opt (binaryen 132) from npm into tools/"
        (cd tools && npm ci --no-audit --no-fund)
    fi
    if ! cargo fetch --locked --offline >/dev/null 2>&1; then
        say "fetching the crates in Cargo.lock"
        cargo fetch --locked
    fi
}

ensure_test_tools() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            say "installing Chromium and chromedriver from Debian packages"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
        else
            echo "Chromium and chromedriver are needed for the browser tests." >&2
            echo "Install them (Debian: apt-get install chromium chromium-driver) and run again." >&2
            exit 1
        fi
    fi
    if [ ! -d tests/e2e/node_modules/@playwright/test ]; then
        say "installing the end-to-end test dependencies from npm (no browser download)"
        (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    fi
}

ensure_build_tools
if [ "${1:-build}" = test ]; then
    ensure_test_tools
fi
