# Shared by run-fuzzers.sh and replay-corpora.sh (sourced from the Fuzz folder):
# the target list, the build of the fuzz targets and the sanitizer settings.
# $1: the prefix of this script's messages.

SWIFT=${SWIFT:-swift}
ALL_TARGETS=$(ls Corpus)  # every target has a seed folder of its name
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

echo "$1: building the fuzz targets (release, -sanitize=fuzzer,address)"
"$SWIFT" build -c release || exit 2
BIN=$("$SWIFT" build -c release --show-bin-path)

# Swift keeps caches that LeakSanitizer would report as leaks; ASan itself stays on.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's crash backtracer reads memory that ASan then reports as a second, bogus error.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
