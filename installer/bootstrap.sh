#!/usr/bin/env bash
# Sets up a Debian 12 machine for MTC Security Lab and then starts it or runs the test suite.
#
#   installer/bootstrap.sh run [ARGS...]   install what is missing, build, start mtcsec (default scenario)
#   installer/bootstrap.sh test            install what is missing, build, run the whole test suite (CTest)
#   installer/bootstrap.sh build           install what is missing and build, nothing else
#   installer/bootstrap.sh install         the same, then build the Debian package and install it with apt-get
#
# Packages are installed with apt-get (non-interactive), as root or through sudo, and only when one is
# missing, so a second run goes straight to the incremental build. The build lives in ./build (or
# $MTCSEC_BUILD_DIR) and is a developer build: every warning is an error.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MTCSEC_BUILD_DIR:-$root/build}
mode=${1:-}
[ $# -gt 0 ] && shift

# What building and running needs.
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev
    libbotan-2-dev
    fonts-dejavu-core
    # Qt Linguist: Qt6LinguistToolsConfig.cmake (qt6-tools-dev), lrelease and lupdate (qt6-l10n-tools), Qt's
    # own German strings for standard buttons and dialogs (qt6-translations-l10n)
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
)
# What the test suite needs on top.
test_packages=(xvfb xauth tshark poppler-utils dpkg-dev desktop-file-utils appstream file lintian libxml2-utils libglib2.0-bin)
# The fuzz targets (tests/fuzz/fuzz.sh): clang with its libFuzzer and sanitizer runtimes.
test_packages+=(clang libclang-rt-14-dev)
# The DTLS interop tests (tests/tst_dtls_interop.cpp): libcoap's coap-server-openssl and coap-client-openssl.
test_packages+=(libcoap3-bin)
# What building the Debian package needs on top.
package_packages=(dpkg-dev file)

die() {
    echo "bootstrap: $*" >&2
    exit 2
}

case "$mode" in
run | build) ;;
test) packages+=("${test_packages[@]}") ;;
install) packages+=("${package_packages[@]}") ;;
*) die "usage: installer/bootstrap.sh run|test|build|install" ;;
esac

install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "apt-get not found: this script supports Debian 12; install ${missing[*]} by hand"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "installing ${missing[*]} needs root: run as root or install sudo"
        sudo=(sudo)
    fi
    echo "bootstrap: installing ${missing[*]}" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing "${packages[@]}"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTCSEC_DEVELOPER=ON
fi
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
build) ;;
run) exec "$build/bin/mtcsec" "$@" ;;
install)
    (cd "$build" && rm -f mtcsec_*.deb && cpack -G DEB >cpack.log) || die "cpack failed (see $build/cpack.log)"
    deb=$(ls "$build"/mtcsec_*.deb)
    sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
    echo "bootstrap: installed $(basename "$deb"); remove it with: sudo apt-get remove mtcsec"
    ;;
test)
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 900
    ;;
esac
