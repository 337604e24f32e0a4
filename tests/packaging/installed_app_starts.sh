#!/usr/bin/env bash
# Installs the build into a throw-away prefix (as `cmake --install` or a package would) and
# checks the installed app from there: files in place, binaries start, the GUI opens an example.
#   installed_app_starts.sh CMAKE BUILD_DIR VERSION APP_ID
set -euo pipefail

cmake=$1 build=$2 version=$3 app_id=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cmake" --install "$build" --prefix "$tmp/usr" >"$tmp/install.log" ||
  { cat "$tmp/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }
echo "ok:   cmake --install $build --prefix <tmp>/usr"
"$here/check_installed_tree.sh" "$tmp/usr" "$version" "$app_id"
