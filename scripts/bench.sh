#!/usr/bin/env bash
# Benchmarks. Each prints its figures; times are reported, never asserted
# (budgets are shown beside the figures). Run through `make bench`.
set -uo pipefail
cd "$(dirname "$0")/.."
# tools/bin first: its wasm-bindgen splits the build into chunks.
export PATH="$PWD/tools/bin:$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "simulation, Monte Carlo, tornado, goal seek (native, release)"
native="$(cargo run --quiet --release --example bench_sim || echo "(a figure is over its budget)")"
echo "$native"

step "simulation and Monte Carlo in WebAssembly (headless Chromium, release)"
wasm="$(CHROMEDRIVER="$(command -v chromedriver)" \
    cargo test --release --target wasm32-unknown-unknown --test wasm_bench -- --nocapture 2>&1 \
    | grep -E '_(us|ms) ')" || true
if [[ -n "$wasm" ]]; then
    echo "$wasm"
    # The same work in both: WebAssembly time ÷ native time.
    ratio() {
        local n w
        n="$(awk -v k="$1_native_$2" '$1 == k { print $2 }' <<<"$native")"
        w="$(awk -v k="$1_wasm_$2" '$1 == k { print $2 }' <<<"$wasm")"
        [[ -n "$n" && -n "$w" ]] && awk -v n="$n" -v w="$w" -v k="$1" \
            'BEGIN { if (n > 0) printf "%s wasm/native ratio %.2f\n", k, w / n }'
    }
    ratio sim_3x60 us
    ratio mc_10k_x60 ms
else
    echo "(the wasm benchmark did not print)"
fi

step "Measure import: 100,000 subscriptions (native, release)"
cargo run --quiet --release --example bench_measure || echo "(the import benchmark failed)"

step "share-link / import decoder: 100,000 random and mutated inputs (release)"
cargo run --quiet --release --example decoder_fuzz || echo "(an input is over its budget)"

step "release build size (first load of /, whole dist/, route → bytes; budgets in scripts/test.sh)"
trunk build --release >/dev/null 2>&1 || { echo "release build failed"; exit 1; }
node scripts/size.mjs dist

step "in the browser: first paint, time to interactive, input to updated chart"
(cd tests/e2e && node bench/browser-bench.mjs ../../dist)

step "in the browser: Measure import of 100,000 subscriptions (release build)"
measure_csv="$(mktemp -d)/measure-100k.csv"
if cargo run --quiet --release --example bench_measure -- --write "$measure_csv" >/dev/null; then
    (cd tests/e2e && node bench/measure-bench.mjs ../../dist "$measure_csv")
else
    echo "(the 100,000-row file could not be written)"
fi
rm -rf "$(dirname "$measure_csv")"
