#!/usr/bin/env bash
# Builds the Debian package with CPack (what `make package` does) into a throw-away directory,
# checks its control data and contents, and runs the app from the extracted package.
#   deb_package.sh CPACK BUILD_DIR VERSION APP_ID
set -euo pipefail

cpack=$1 build=$2 version=$3 app_id=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Its own output directory, so a `make package` running at the same time is not disturbed.
"$cpack" --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack"; }
deb=$(find "$tmp/out" -maxdepth 1 -name "pillars_${version}_*.deb")
[ -n "$deb" ] || { cat "$tmp/cpack.log" >&2; fail "no pillars_${version}_*.deb was made"; }
echo "ok:   built $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
echo "Depends: $depends"
# dpkg-shlibdeps must have found the libraries the binaries link.
depends_names=$(sed -e 's/ ([^)]*)//g' -e 's/, /\n/g' <<<"$depends")
for lib in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libsqlite3-0 libgvc6; do
  grep -qxF "$lib" <<<"$depends_names" || fail "Depends lacks $lib"
done
grep -q "^ Package: pillars$" <<<"$info" || fail "the package is not called pillars"
grep -q "^ Version: $version$" <<<"$info" || fail "the package version is not $version"
grep -q "^ Description: Design, simulate and review distributed systems$" <<<"$info" ||
  fail "no synopsis line"
long=$(dpkg-deb -f "$deb" Description | awk 'length > 80')
[ -z "$long" ] || fail "description lines over 80 columns: $long"
echo "ok:   control data (name, version, description, Depends from dpkg-shlibdeps)"

# Everything under /usr, nothing under /usr/local or the build machine's paths.
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
if grep -Ev '^\./(usr/((bin|share)(/.*)?)?)?$' "$tmp/contents"; then fail "files outside /usr/bin and /usr/share (above)"; fi
echo "ok:   $(grep -cv '/$' "$tmp/contents") files, all in /usr/bin and /usr/share"

dpkg-deb -x "$deb" "$tmp/root"
"$here/check_installed_tree.sh" "$tmp/root/usr" "$version" "$app_id"
