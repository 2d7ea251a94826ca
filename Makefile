# Every target works on a fresh machine after `.ci/run`'s installs (see README).
PORT ?= 8000
HOST ?= 127.0.0.1
PKG := www/pkg

.PHONY: serve pkg examples test test-native test-wasm test-browser eval bench fuzz lint clean

## Build the wasm package into www/pkg and serve www/ on http://$(HOST):$(PORT)
serve: pkg examples
	python3 scripts/serve.py --host $(HOST) --port $(PORT) www

## The rich-text editor example needs Quill from node_modules (`npm ci`), copied into www/.
examples:
	@if [ -d node_modules/quill ]; then node www/examples/vendor.mjs; \
	else echo "(run npm ci to enable www/examples/editor.html; the page itself needs nothing)"; fi

## The wasm package for the page and the widget (release build, web target). With `npm ci`,
## Binaryen's wasm-opt (npm, 132) shrinks the wasm by about 3 KB gz; Debian's 108 breaks it.
WASM_OPT := node_modules/.bin/wasm-opt
WASM_FEATURES := --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
	--enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue
pkg:
	wasm-pack build --target web --release --out-dir $(PKG) --out-name annotator --no-pack . -- --no-default-features
	rm -f $(PKG)/.gitignore
	node scripts/inline_snippets.mjs $(PKG)
	@if [ -x $(WASM_OPT) ]; then \
		$(WASM_OPT) -Oz $(WASM_FEATURES) $(PKG)/annotator_bg.wasm -o $(PKG)/annotator_bg.opt.wasm && \
		mv $(PKG)/annotator_bg.opt.wasm $(PKG)/annotator_bg.wasm; \
	else echo "(run npm ci for a smaller wasm: Binaryen's wasm-opt)"; fi

## Every test: native (unit, data-driven, CLI, properties), wasm in headless Chromium, browser end-to-end.
test:
	bash scripts/test.sh

test-native:
	cargo test --release

test-wasm:
	wasm-pack test --headless --chrome --release

test-browser: pkg
	node --test tests/e2e/

## Accuracy tables on the dev sets in ../shared (score.py).
eval:
	bash scripts/eval.sh

## Speed and size figures (written to target/bench/results.json).
bench:
	bash scripts/bench.sh

## Fuzz for FUZZ_SECONDS (default 60) per target; needs nightly-free cargo-fuzz (see fuzz/README.md).
fuzz:
	bash scripts/fuzz.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown --no-default-features -- -D warnings

clean:
	cargo clean
	rm -rf $(PKG)
