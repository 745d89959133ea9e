#!/usr/bin/env bash
# Replays every committed corpus file and reproducer (Fuzz/Corpus/*/) through every fuzz
# target once (libFuzzer -runs=0), so a change that breaks an invariant on a known input
# fails; `make fuzz-replay` and CI call this. Exits 1 when a target fails, 2 when the
# build does. The corpora are copied to Fuzz/.work/replay/ first: libFuzzer never writes
# into the committed folders.
#
#   FUZZ_TARGETS   space-separated target names (default: all)
set -u
cd "$(dirname "$0")"

# shellcheck source=common.sh
. ./common.sh fuzz-replay

replay=.work/replay
rm -rf "$replay"
mkdir -p "$replay/artifacts"
cp -R Corpus "$replay/corpus"
inputs=$(find "$replay/corpus" -type f | wc -l)

failed=""
for target in $TARGETS; do
    log="$replay/$target.log"
    "$BIN/$target" -runs=0 -timeout=30 -artifact_prefix="$replay/artifacts/$target-" "$replay"/corpus/*/ > "$log" 2>&1
    status=$?
    if [ $status -ne 0 ]; then
        failed="$failed $target"
        echo "fuzz-replay: $target FAILED (status $status) on a committed input; its log is Fuzz/$log:" >&2
        grep -E "INVARIANT FAILED|ERROR: AddressSanitizer|Fatal error|ERROR: libFuzzer|deadly signal|Test unit written to" "$log" | head -6 >&2
    else
        echo "fuzz-replay: $target: $inputs inputs, $(grep -E '^#[0-9]+.*INITED' "$log" | grep -oE 'cov: [0-9]+ ft: [0-9]+' | tail -1)"
    fi
done

if [ -n "$failed" ]; then
    echo "fuzz-replay: failures in:$failed" >&2
    exit 1
fi
echo "fuzz-replay: every committed input passes every target"
