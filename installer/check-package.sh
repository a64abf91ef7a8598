#!/usr/bin/env bash
# Builds the Debian package from a build tree and inspects it as a packager would: lintian, contents, dependencies
# computed from the binary, hardening, copyright and changelog, the desktop entry (desktop-file-validate), the
# scenario MIME type (shared-mime-info), the AppStream metainfo (appstreamcli validate), the man page, and the
# version against `mtcsec --version`. Usage: installer/check-package.sh BUILD_DIR
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # description, command...
    local what=$1
    shift
    if "$@" >"$work/check.log" 2>&1; then
        passed=$((passed + 1))
        echo "PASS $what"
    else
        failed=$((failed + 1))
        echo "FAIL $what"
        sed 's/^/    /' "$work/check.log"
    fi
}

cd "$build"
rm -f mtcsec_*.deb
cpack -G DEB >cpack.log 2>&1 || {
    cat cpack.log
    exit 1
}
deb=$(ls mtcsec_*.deb)
root=$work/root
mkdir "$root"
dpkg-deb -x "$deb" "$root"
app=org.mtcsec.MtcSecurityLab
mime=application/x-mtcsec-scenario+json
version=$(dpkg-deb -f "$deb" Version)
bin=$root/usr/bin/mtcsec
desktop=$root/usr/share/applications/$app.desktop
metainfo=$root/usr/share/metainfo/$app.metainfo.xml
mimexml=$root/usr/share/mime/packages/$app.xml
doc=$root/usr/share/doc/mtcsec

check "package name and architecture" test "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Architecture)" = "mtcsec $(dpkg --print-architecture)"
check "dependencies computed from the binary (Qt Widgets, Charts, Botan) and the SVG plugin" \
    bash -c "dpkg-deb -f '$deb' Depends | grep -q libqt6widgets6 && dpkg-deb -f '$deb' Depends | grep -q libqt6charts6 && dpkg-deb -f '$deb' Depends | grep -q libbotan-2 && dpkg-deb -f '$deb' Depends | grep -q libqt6svg6 && dpkg-deb -f '$deb' Depends | grep -q fonts-dejavu-core"
for f in usr/bin/mtcsec usr/share/applications/$app.desktop usr/share/metainfo/$app.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$app.svg usr/share/man/man1/mtcsec.1.gz usr/share/mime/packages/$app.xml \
    usr/share/doc/mtcsec/copyright usr/share/doc/mtcsec/changelog.gz; do
    check "contains /$f" test -s "$root/$f"
done
for size in 16 32 48 64 128 256; do
    check "icon ${size}x${size} is a ${size}x${size} PNG" bash -c "file '$root/usr/share/icons/hicolor/${size}x${size}/apps/$app.png' | grep -q '$size x $size'"
done

# lintian, as Debian's archive runs it, with the pedantic and experimental tags shown; its report is kept.
lintian --info --pedantic --display-experimental "$deb" >lintian.log 2>&1 || true
check "lintian reports no error (see $build/lintian.log)" bash -c "! grep '^E:' lintian.log"
check "lintian reports no warning" bash -c "! grep '^W:' lintian.log"

copyrightIsDep5() {
    head -1 "$doc/copyright" | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' &&
        grep -qx 'License: GPL-3.0-or-later' "$doc/copyright"
}
check "copyright is machine-readable (DEP-5), GPL-3.0-or-later" copyrightIsDep5
changelogNamesVersion() {
    gzip -dc "$doc/changelog.gz" >"$work/changelog"
    test "$(dpkg-parsechangelog -l "$work/changelog" -S Version)" = "$version"
}
check "changelog names the package version ($version)" changelogNamesVersion
# (grep reads all its input here: with pipefail, grep -q would fail the check when the writer gets SIGPIPE.)
strippedPie() {
    readelf -h "$bin" | grep 'Type: *DYN' >/dev/null && ! readelf -W -S "$bin" | grep -E '\.(symtab|debug_info|comment) '
}
check "binary is a stripped position-independent executable" strippedPie
hardened() {
    readelf -d "$bin" | grep BIND_NOW >/dev/null && readelf -l "$bin" | grep GNU_RELRO >/dev/null &&
        readelf -W --dyn-syms "$bin" | grep __stack_chk_fail >/dev/null &&
        readelf -W --dyn-syms "$bin" | grep -E '__[a-z]+_chk@' >/dev/null
}
check "binary is hardened (RELRO, BIND_NOW, stack protector, fortified calls)" hardened

check "desktop entry valid" desktop-file-validate "$desktop"
check "desktop entry opens scenarios ($mime), not all JSON" grep -qx "MimeType=$mime;" "$desktop"
oneMainCategory() {
    test "$(sed -n 's/^Categories=//p' "$desktop" | tr ';' '\n' |
        grep -cxE 'AudioVideo|Audio|Video|Development|Education|Game|Graphics|Network|Office|Science|Settings|System|Utility')" = 1
}
check "desktop entry has exactly one main category" oneMainCategory

mimeXmlDefinesType() {
    xmllint --noout "$mimexml" &&
        test "$(xmllint --xpath 'string(//*[local-name()="mime-type"]/@type)' "$mimexml")" = "$mime"
}
check "MIME definition is well-formed XML and defines $mime" mimeXmlDefinesType
# The MIME database built from this definition alone, as update-mime-database builds it on installation.
mimedb=$work/share
mkdir -p "$mimedb/mime/packages" "$work/files"
cp "$mimexml" "$mimedb/mime/packages/"
mimeDatabaseAccepts() {
    local out
    out=$(XDG_DATA_HOME=$mimedb update-mime-database "$mimedb/mime" 2>&1) && echo "$out" && test -z "$out" &&
        test -s "$mimedb/mime/application/x-mtcsec-scenario+json.xml"
}
check "update-mime-database accepts the MIME definition without a warning" mimeDatabaseAccepts
if command -v gio >/dev/null; then
    # A saved scenario sorts its keys: "schema" comes after the attacks, which can be long.
    {
        printf '{\n    "attacks": [\n'
        for i in $(seq 1 60); do printf '        {"id": "a%d", "kind": "eavesdrop", "target": "Uu"},\n' "$i"; done
        printf '        {"id": "z", "kind": "eavesdrop", "target": "Uu"}\n    ],\n    "schema": "mtcsec-scenario/1"\n}\n'
    } >"$work/files/saved.json"
    cp "$work/files/saved.json" "$work/files/scenario"
    echo '{"schema": "mtcsec-report/1", "scenario": {"name": "default"}}' >"$work/files/report.json"
    contentTypeIs() { # file, expected MIME type
        local got
        got=$(XDG_DATA_HOME=$mimedb XDG_DATA_DIRS=$mimedb:/usr/share gio info -a standard::content-type "$1" |
            sed -n 's/.*standard::content-type: //p')
        echo "$1: $got"
        test "$got" = "$2"
    }
    check "a scenario saved as .json is $mime" contentTypeIs "$work/files/saved.json" "$mime"
    check "a scenario without an extension is $mime" contentTypeIs "$work/files/scenario" "$mime"
    check "other JSON (a report) stays application/json" contentTypeIs "$work/files/report.json" application/json
else
    echo "SKIP MIME detection by content: gio (Debian package libglib2.0-bin) is not installed"
fi

check "AppStream metainfo valid" appstreamcli validate --no-net --pedantic "$metainfo"
metainfoComplete() {
    grep -q '<url type="bugtracker">' "$metainfo" && grep -q '<screenshot type="default">' "$metainfo" &&
        grep -q "<mediatype>$mime</mediatype>" "$metainfo"
}
check "metainfo names a bug tracker, screenshots and the scenario MIME type" metainfoComplete
screenshotsExist() {
    local shots
    shots=$(sed -n 's|.*<image[^>]*>.*/screenshots/\([^<]*\)</image>.*|\1|p' "$metainfo")
    test -n "$shots" || return 1
    for s in $shots; do
        echo "$s"
        test -s "$source_dir/resources/screenshots/$s" || return 1
    done
}
check "every metainfo screenshot is one of resources/screenshots" screenshotsExist
check "man page names the commands" bash -c "zcat '$root/usr/share/man/man1/mtcsec.1.gz' | grep -q '^\\.B presets' && zcat '$root/usr/share/man/man1/mtcsec.1.gz' | grep -q 'crypto milenage'"
check "mtcsec --version reports the package version ($version)" test "$("$bin" --version)" = "mtcsec $version"
check "the packaged binary passes its self-test" env QT_QPA_PLATFORM=offscreen "$bin" --self-test
check "metainfo release matches the package version" grep -q "release version=\"$version\"" "$metainfo"

echo "package $deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
