#!/usr/bin/env bash
# Builds the Debian package from a build tree and inspects it as a packager would: contents, dependencies computed
# from the binary, the desktop entry (desktop-file-validate), the AppStream metainfo (appstreamcli validate), the
# man page, and the version against `mtcsec --version`. Usage: installer/check-package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
passed=0
failed=0
check() { # description, command...
    local what=$1
    shift
    if "$@" >/tmp/mtcsec-check.$$ 2>&1; then
        passed=$((passed + 1))
        echo "PASS $what"
    else
        failed=$((failed + 1))
        echo "FAIL $what"
        sed 's/^/    /' /tmp/mtcsec-check.$$
    fi
}

cd "$build"
rm -f mtcsec_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls mtcsec_*.deb)
root=$(mktemp -d)
trap 'rm -rf "$root" /tmp/mtcsec-check.$$' EXIT
dpkg-deb -x "$deb" "$root"
app=org.mtcsec.MtcSecurityLab

check "package name and architecture" test "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Architecture)" = "mtcsec $(dpkg --print-architecture)"
check "dependencies computed from the binary (Qt Widgets, Charts, Botan) and the SVG plugin" \
    bash -c "dpkg-deb -f '$deb' Depends | grep -q libqt6widgets6 && dpkg-deb -f '$deb' Depends | grep -q libqt6charts6 && dpkg-deb -f '$deb' Depends | grep -q libbotan-2 && dpkg-deb -f '$deb' Depends | grep -q libqt6svg6"
for f in usr/bin/mtcsec usr/share/applications/$app.desktop usr/share/metainfo/$app.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$app.svg usr/share/man/man1/mtcsec.1.gz; do
    check "contains /$f" test -s "$root/$f"
done
for size in 16 32 48 64 128 256; do
    check "icon ${size}x${size} is a ${size}x${size} PNG" bash -c "file '$root/usr/share/icons/hicolor/${size}x${size}/apps/$app.png' | grep -q '$size x $size'"
done
check "desktop entry valid" desktop-file-validate "$root/usr/share/applications/$app.desktop"
check "AppStream metainfo valid" appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$app.metainfo.xml"
check "man page names the commands" bash -c "zcat '$root/usr/share/man/man1/mtcsec.1.gz' | grep -q '^\\.B presets' && zcat '$root/usr/share/man/man1/mtcsec.1.gz' | grep -q 'crypto milenage'"
version=$(dpkg-deb -f "$deb" Version)
check "mtcsec --version reports the package version ($version)" test "$("$root/usr/bin/mtcsec" --version)" = "mtcsec $version"
check "the packaged binary passes its self-test" env QT_QPA_PLATFORM=offscreen "$root/usr/bin/mtcsec" --self-test
check "metainfo release matches the package version" grep -q "release version=\"$version\"" "$root/usr/share/metainfo/$app.metainfo.xml"

echo "package $deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
