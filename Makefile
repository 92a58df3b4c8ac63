# Two commands matter: `make serve` and `make test`. Each installs whatever is
# missing first (scripts/ensure-tools.sh says what it installs).
SHELL := bash
# tools/bin first: its wasm-bindgen splits the workspaces into chunks before
# running the real one (see tools/bin/wasm-bindgen).
export PATH := $(CURDIR)/tools/bin:$(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve test build dist size bench tools

## Build and serve the app at http://127.0.0.1:8080
serve:
	@scripts/ensure-tools.sh build
	trunk serve

## Run every test: format, lints (native + wasm32), native tests, release
## build, size budget, browser component tests and end-to-end tests.
test:
	@scripts/ensure-tools.sh test
	@scripts/test.sh

## The release build in dist/ (PUBLIC_URL=/sub/path/ for a sub-path host).
build dist:
	@scripts/ensure-tools.sh build
	trunk build --release --public-url "$${PUBLIC_URL:-/}"

## Raw, gzip and brotli bytes of every file in dist/, the first load of /,
## and the bytes of a cold visit to each route.
size: build
	@node scripts/size.mjs dist

## Benchmarks: print the figures (times are reported, never asserted).
bench:
	@scripts/ensure-tools.sh test
	@scripts/bench.sh

tools:
	@scripts/ensure-tools.sh test
