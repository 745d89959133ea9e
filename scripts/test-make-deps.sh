#!/usr/bin/env bash
# Proves that `make deps` checks each system package on its own and installs exactly the ones
# that are missing, e.g. libcmark-gfm-extensions-dev on a machine that has only
# libcmark-gfm-dev. apt-get, pkg-config and the C compiler are replaced by stubs that hide
# the headers and pkg-config modules named in ABSENT, and record what would be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
real_pkg_config=$(command -v pkg-config || echo false)
real_cc=$(command -v "${CC:-cc}")
stubs=$(mktemp -d)
trap 'rm -rf "$stubs"' EXIT

cat > "$stubs/apt-get" <<'STUB'
#!/usr/bin/env bash
[ "$1" = install ] && shift 3 && echo "$*" >> "$STUBS/installed"
exit 0
STUB
cat > "$stubs/pkg-config" <<'STUB'
#!/usr/bin/env bash
for module in $ABSENT; do [ "$2" = "$module" ] && exit 1; done
exec "$REAL_PKG_CONFIG" "$@"
STUB
cat > "$stubs/cc" <<'STUB'
#!/usr/bin/env bash
source=$(cat)
for header in $ABSENT; do case "$source" in *"<$header>"*) exit 1 ;; esac; done
printf '%s\n' "$source" | exec "$REAL_CC" "$@"
STUB
chmod +x "$stubs"/*

# Usage: expect "what is absent" "what must be installed"
expect() {
    rm -f "$stubs/installed"
    STUBS=$stubs ABSENT=$1 REAL_PKG_CONFIG=$real_pkg_config REAL_CC=$real_cc PATH="$stubs:$PATH" make -s deps SUDO= CC="$stubs/cc" > /dev/null
    local installed
    installed=$(cat "$stubs/installed" 2>/dev/null || true)
    if [ "$installed" != "$2" ]; then
        echo "make deps with '$1' absent installed '$installed', expected '$2'" >&2
        exit 1
    fi
}

expect "" ""
expect "cmark-gfm-core-extensions.h" "libcmark-gfm-extensions-dev pkg-config"
expect "libcmark-gfm cmark-gfm.h" "libcmark-gfm-dev pkg-config"
expect "xxhash.h" "libxxhash-dev pkg-config"
expect "sqlite3 zlib.h" "libsqlite3-dev zlib1g-dev pkg-config"
expect "vips vips/vips.h" "libvips-dev pkg-config"
expect "vips/vips.h" "libvips-dev pkg-config"
expect "cmark-gfm.h cmark-gfm-core-extensions.h xxhash.h" "libcmark-gfm-dev libcmark-gfm-extensions-dev libxxhash-dev pkg-config"
echo "test-make-deps: make deps installs exactly the missing packages"
