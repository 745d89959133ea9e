# magbuild — the two commands: `make build` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: build test deps clean

# Installs the Debian packages magbuild links against, when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null; then \
		echo "magbuild: installing $(APT_PACKAGES) (needs root or sudo)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(APT_PACKAGES) pkg-config; \
	fi

# Builds magbuild in release mode and the demo magazine into public/.
build: deps
	$(SWIFT) build -c release
	.build/release/magbuild build --source . --output public

# Runs the whole test suite.
test: deps
	$(SWIFT) test

clean:
	rm -rf .build public

# Benchmarks the template engine against Stencil and swift-mustache (a separate package,
# so magbuild itself gains no dependency). BENCH_SECONDS sets the time per measurement.
.PHONY: bench-templates
bench-templates:
	cd Benchmarks/TemplateBench && $(SWIFT) run -c release TemplateBench
