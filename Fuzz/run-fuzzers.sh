#!/usr/bin/env bash
# Runs magbuild's fuzz targets (see Fuzz/Package.swift); `make fuzz` calls this.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   space-separated target names (default: all)
#   FUZZ_FLAGS     extra libFuzzer flags, e.g. "-jobs=2 -workers=2"
#
# Each target mutates with the dictionary of its input format (Dictionaries/, see dictionary_for).
#
# Each target starts from a copy of its seeds (Fuzz/Corpus/<target>/, never written to) in
# Fuzz/.work/<target>/corpus, which keeps what earlier runs found. A crash or failed invariant
# leaves its input in Fuzz/.work/<target>/artifacts/ and makes the script exit with status 1.
set -u
cd "$(dirname "$0")"

SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
# shellcheck source=common.sh
. ./common.sh fuzz

# The libFuzzer dictionary (-dict=) of a target's input format, if it has one.
dictionary_for() {
    case "$1" in
        FuzzTemplates) echo Dictionaries/templates.dict ;;
        FuzzFrontMatter | FuzzProfiles) echo Dictionaries/frontmatter.dict ;;
        FuzzSiteConfig) echo Dictionaries/siteconfig.dict ;;
        FuzzWXRImport | FuzzDisqusImport) echo Dictionaries/xml.dict ;;
        FuzzCommentsJSON | FuzzRemark42Import) echo Dictionaries/json.dict ;;
        FuzzMarkdown) echo Dictionaries/markdown.dict ;;
        FuzzImageCredit) echo Dictionaries/xmp.dict ;;
    esac
}

# libFuzzer flags a target needs beyond the common ones. Foundation's XMLParser keeps about
# 0.5 KB of every parse (measured with a plain program, no magbuild code), so a target that
# parses XML thousands of times a second outgrows libFuzzer's default 2 GB limit in minutes.
flags_for() {
    case "$1" in
        FuzzImageCredit) echo "-rss_limit_mb=16384" ;;
    esac
}

failed=""
for target in $TARGETS; do
    if [ ! -d "Corpus/$target" ]; then echo "fuzz: unknown target $target" >&2; exit 2; fi
    work=".work/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp -n Corpus/"$target"/* "$work/corpus/" 2>/dev/null
    dictionary=$(dictionary_for "$target")
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s${dictionary:+ with $dictionary}"
    # shellcheck disable=SC2086
    "$BIN/$target" "$work/corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -print_final_stats=1 \
        ${dictionary:+-dict="$dictionary"} $(flags_for "$target") -artifact_prefix="$work/artifacts/" ${FUZZ_FLAGS:-} > "$work/log" 2>&1
    status=$?
    grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" "$work/log" | tail -1 | sed "s/^/fuzz: $target: /"
    grep -E "^#[0-9]+.*(DONE|INITED).*cov:" "$work/log" | tail -1 | sed "s/^/fuzz: $target: /"
    if [ $status -ne 0 ]; then
        failed="$failed $target"
        echo "fuzz: $target FAILED (status $status); the end of its log, $work/log:" >&2
        grep -E "INVARIANT FAILED|ERROR: AddressSanitizer|Fatal error|ERROR: libFuzzer|deadly signal" "$work/log" | head -5 >&2
        grep -E "Test unit written to|artifact_prefix" "$work/log" | sed 's/^/    /' >&2
        echo "    reproduce: Fuzz/$BIN/$target <file>   minimize: add -minimize_crash=1 -runs=10000" | sed "s|Fuzz/$PWD/|Fuzz/|" >&2
    fi
done

if [ -n "$failed" ]; then
    echo "fuzz: failures in:$failed" >&2
    exit 1
fi
echo "fuzz: no crashes in: $TARGETS"
