# magbuild — the two commands: `make build` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The Debian packages magbuild links against, each as package:pkg-config module:header.
APT_DEPS := libcmark-gfm-dev:libcmark-gfm:cmark-gfm.h \
	libcmark-gfm-extensions-dev::cmark-gfm-core-extensions.h \
	libxxhash-dev:libxxhash:xxhash.h \
	libsqlite3-dev:sqlite3:sqlite3.h \
	zlib1g-dev:zlib:zlib.h \
	libvips-dev:vips:vips/vips.h
CC ?= cc

.PHONY: build test deps clean

# Installs the packages of APT_DEPS whose header or pkg-config module is missing (each
# checked on its own: a machine may have some of them already; a header is looked for with
# its module's include paths, as libvips' needs GLib's).
deps:
	@missing=""; for dep in $(APT_DEPS); do \
		package=$${dep%%:*}; rest=$${dep#*:}; module=$${rest%%:*}; header=$${rest#*:}; \
		if { [ -n "$$module" ] && ! pkg-config --exists "$$module" 2>/dev/null; } \
			|| ! printf '#include <%s>\n' "$$header" \
				| $(CC) $$([ -n "$$module" ] && pkg-config --cflags "$$module" 2>/dev/null) -E -x c - >/dev/null 2>&1; then \
			missing="$$missing $$package"; \
		fi; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "magbuild: installing$$missing (needs root or sudo)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing pkg-config; \
	fi

# Builds magbuild in release mode and the demo magazine into public/.
build: deps
	$(SWIFT) build -c release
	.build/release/magbuild build --source . --output public

# Copies the release build to $(PREFIX)/bin (make install PREFIX=~/.local).
PREFIX ?= /usr/local
.PHONY: install
install:
	@[ -x .build/release/magbuild ] || { echo "magbuild: run 'make build' first"; exit 1; }
	install -d "$(PREFIX)/bin"
	install -m 755 .build/release/magbuild "$(PREFIX)/bin/magbuild"

# Runs the whole test suite. Tests copy fixture sites into temporary folders (80 MB a run):
# they get a folder of their own (TMPDIR), removed afterwards whatever the outcome.
test: deps
	@scratch=$$(mktemp -d -t magbuild-test-XXXXXX) && \
		TMPDIR="$$scratch" $(SWIFT) test; status=$$?; rm -rf "$$scratch"; exit $$status

# A long randomized differential run of incremental builds against clean builds
# (make test-incremental STEPS=20000 [SEED=n]); `make test` runs 240 steps.
STEPS ?= 2000
SEED ?=
.PHONY: test-incremental
test-incremental: deps
	MAGBUILD_DIFF_STEPS=$(STEPS) $(if $(SEED),MAGBUILD_DIFF_SEED=$(SEED)) $(SWIFT) test --filter DifferentialBuildTests

clean:
	rm -rf .build public

# ---- browser test of the default theme ----------------------------------------
BROWSER_TEST_DIR := .build/browser-test
PYTHON ?= python3

.PHONY: browser-test chromium

# Installs Debian's chromium when no Chromium is on PATH.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "magbuild: installing chromium for the browser test (needs root or sudo)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	fi

# Deploys the demo magazine under /magazin/ of a local HTTP server and follows every link
# (scripts/test-subpath-deploy.py): a site whose baseURL has a path must work there.
.PHONY: test-deploy
test-deploy: deps
	$(SWIFT) build --product magbuild
	$(PYTHON) scripts/test-subpath-deploy.py --magbuild "$$($(SWIFT) build --show-bin-path)/magbuild" --source .

# Lints .github/workflows/ offline: the workflow schema, zizmor's security audits and
# shellcheck on every run: script (scripts/lint-workflow.py installs the tools if missing).
.PHONY: lint-workflow
lint-workflow:
	$(PYTHON) scripts/lint-workflow.py

# Builds the demo magazine into $(BROWSER_TEST_DIR)/site and checks it in headless Chromium at 390 and 1280 px;
# screenshots land in $(BROWSER_TEST_DIR)/*.png.
browser-test: deps chromium
	$(SWIFT) build --product magbuild
	rm -rf $(BROWSER_TEST_DIR)
	mkdir -p $(BROWSER_TEST_DIR)
	"$$($(SWIFT) build --show-bin-path)/magbuild" build --source . --output $(BROWSER_TEST_DIR)/site
	$(PYTHON) scripts/browser-test/run.py --site $(BROWSER_TEST_DIR)/site --source . --out $(BROWSER_TEST_DIR)

# Benchmarks the template engine against Stencil and swift-mustache (a separate package,
# so magbuild itself gains no dependency). BENCH_SECONDS sets the time per measurement.
.PHONY: bench-templates
bench-templates:
	cd Benchmarks/TemplateBench && $(SWIFT) run -c release TemplateBench

# Benchmark: magbuild vs Hugo vs the cmark-gfm floor on a generated magazine of N articles
# (make bench N=10000 RUNS=5). Installs Debian's hugo, cmark-gfm and time when missing.
# See BENCHMARKS.md; the corpus and outputs go to Benchmarks/.work/ (git-ignored).
N ?= 2000
RUNS ?= 3
JOBS ?= $(shell nproc)
BENCH_APT := hugo cmark-gfm time

.PHONY: bench
bench: deps
	@missing=""; command -v hugo >/dev/null || missing="$$missing hugo"; \
	command -v cmark-gfm >/dev/null || missing="$$missing cmark-gfm"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
		echo "bench: installing$$missing (needs root or sudo)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release
	python3 Benchmarks/bench.py --n $(N) --runs $(RUNS) --jobs $(JOBS)

# Pictures: magbuild's derivatives against Hugo's image processing on PHOTOS generated
# 2400×1600 JPEGs (and a PNG with transparency per 20), same widths, formats, qualities and
# crops; clean builds, a rebuild that changes no picture, bytes against the originals
# (see BENCHMARKS.md). Installs Debian's hugo, libvips-tools (for `vips`) and time when missing.
PHOTOS ?= 40
.PHONY: bench-images
bench-images: deps
	@missing=""; command -v hugo >/dev/null || missing="$$missing hugo"; \
	command -v vips >/dev/null || missing="$$missing libvips-tools"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
		echo "bench-images: installing$$missing (needs root or sudo)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release --product magbuild
	python3 Benchmarks/bench_images.py --photos $(PHOTOS) --runs $(RUNS) --jobs $(JOBS)

# Site search: magbuild's index against Pagefind 1.5.2 on the same output (index time, memory,
# size, bytes per query, relevance of 50 generated queries; see BENCHMARKS.md). SEARCH_N=10000
# [SEARCH_N="10000 100000"]; Pagefind runs for N ≤ 10,000 only. Needs Chromium and `time`.
SEARCH_N ?= 10000
.PHONY: bench-search
bench-search: deps chromium
	@[ -x /usr/bin/time ] || { echo "bench-search: installing time (needs root or sudo)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	$(SWIFT) build -c release --product magbuild
	@for n in $(SEARCH_N); do \
		python3 Benchmarks/bench_search.py --magbuild .build/release/magbuild --n $$n $$([ $$n -le 10000 ] && echo --pagefind) || exit 1; \
	done

# The preview server under load: wrk at 200 connections for 30 s against `magbuild serve`
# on the demo magazine while an article is saved every second (see BENCHMARKS.md).
.PHONY: bench-serve
bench-serve: deps
	@command -v wrk >/dev/null || { echo "bench-serve: installing wrk (needs root or sudo)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(SWIFT) build -c release
	python3 Benchmarks/serve_load.py

# Comment imports: 200,000 comments over 2,000 articles as WXR, Isso and Remark42 files
# (Benchmarks/gen_exports.py), each imported into a fresh copy of the site; time and peak memory.
IMPORT_COMMENTS ?= 200000
.PHONY: bench-import
bench-import: deps
	@[ -x /usr/bin/time ] || { echo "bench-import: installing time (needs root or sudo)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	$(SWIFT) build -c release --product magbuild
	python3 Benchmarks/gen_exports.py --comments $(IMPORT_COMMENTS) --out Benchmarks/.work/imports
	@for format in wordpress:export.xml isso:isso.db remark42:remark42.gz; do \
		rm -rf Benchmarks/.work/imports/run && cp -r Benchmarks/.work/imports/site Benchmarks/.work/imports/run; \
		/usr/bin/time -f "$${format%%:*}: %e s wall, %U s user, %M KB peak" .build/release/magbuild import-comments \
			--$${format%%:*} Benchmarks/.work/imports/$${format#*:} --source Benchmarks/.work/imports/run | tail -1; \
	done

# ---- fuzzing ------------------------------------------------------------------------------
# libFuzzer targets for magbuild's parsers (a separate package in Fuzz/, built with
# -sanitize=fuzzer,address): make fuzz FUZZ_SECONDS=300 FUZZ_TARGETS="FuzzTemplates FuzzMarkdown".
# Seeds live in Fuzz/Corpus/<target>/; the fuzzers work in Fuzz/.work/ (git-ignored).
# Exits non-zero when a target crashes and prints where the reproducer is.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=

.PHONY: fuzz fuzz-replay
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGETS="$(FUZZ_TARGETS)" Fuzz/run-fuzzers.sh

# Replays every committed corpus file and reproducer through every target once (CI runs this;
# see docs/fuzzing.md). Fails when any input breaks an invariant.
fuzz-replay: deps
	SWIFT="$(SWIFT)" FUZZ_TARGETS="$(FUZZ_TARGETS)" Fuzz/replay-corpora.sh
