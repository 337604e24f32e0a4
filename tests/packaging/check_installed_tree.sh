#!/usr/bin/env bash
# Checks an installed Pillars, wherever it was put (cmake --install, or an extracted .deb):
# every file the desktop needs is there and coherent, and the installed binaries start.
#   check_installed_tree.sh PREFIX VERSION APP_ID
# PREFIX is the directory holding bin/ and share/ (e.g. /tmp/x/usr). Prints what it checks;
# exits non-zero on the first missing or wrong thing.
set -euo pipefail

prefix=$1 version=$2 app_id=$3
share=$prefix/share
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# What the app printed on stderr (Qt's notes about the offscreen platform and so on) is kept
# out of the way, and shown when a check fails.
gui_log=$work/pillars-stderr.log
fail() {
  echo "FAIL: $*" >&2
  if [ -s "$gui_log" ]; then echo "--- pillars wrote on stderr:" >&2; cat "$gui_log" >&2; fi
  exit 1
}
ok() { echo "ok:   $*"; }
need_file() { [ -s "$1" ] || fail "missing or empty: ${1#"$prefix"/}"; }
# Width and height of a PNG, from its IHDR chunk (bytes 16-23, big-endian), without image tools.
png_size() {
  local b
  read -r -a b < <(od -An -tu1 -j16 -N8 "$1")
  echo "$(( (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3] )) $(( (b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7] ))"
}
is_png() { [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ]; }

# --- Files -----------------------------------------------------------------------------------
for f in bin/pillars bin/pillars-cli; do
  [ -x "$prefix/$f" ] || fail "not an executable: $f"
done
desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
need_file "$desktop"
need_file "$metainfo"
need_file "$share/mime/packages/pillars.xml"
need_file "$share/icons/hicolor/scalable/apps/pillars.svg"
need_file "$share/pillars/examples/three-tier.json"
for size in 16 32 48 64 128 256; do
  png=$share/icons/hicolor/${size}x${size}/apps/pillars.png
  need_file "$png"
  is_png "$png" || fail "not a PNG: ${png#"$prefix"/}"
  [ "$(png_size "$png")" = "$size $size" ] || fail "${png#"$prefix"/} is $(png_size "$png"), not ${size}x${size}"
done
ok "binaries, desktop file, metainfo, MIME type, SVG and 6 PNG icons, examples"

# --- Coherence: what the desktop file and metainfo promise is installed ------------------------
exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -x "$prefix/bin/$exec_cmd" ] || fail "the desktop file runs '$exec_cmd', which is not in bin/"
[ "$icon" = pillars ] || fail "the desktop file's icon is '$icon', not pillars"
grep -q '^MimeType=.*application/x-pillars-project;' "$desktop" || fail "the desktop file does not open projects"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
  fail "the metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo does not list release $version"
for b in pillars pillars-cli; do
  grep -q "<binary>$b</binary>" "$metainfo" || fail "the metainfo does not provide $b"
done
desktop-file-validate --no-hints "$desktop" || fail "desktop-file-validate rejects the installed desktop file"
# AppStream's own view of the tree (metainfo with its desktop file and icons), as software
# centres see it. Not on a real /usr, where it would judge every other package's metainfo too.
if [ "${prefix##*/}" = usr ] && [ "$prefix" != /usr ]; then
  report=$(appstreamcli validate-tree --no-net --pedantic --strict "${prefix%/usr}" 2>&1) &&
    ! grep -q '[EWIP]: ' <<<"$report" || fail "appstreamcli validate-tree: $report"
fi
ok "desktop file and metainfo agree with what is installed"

# --- The installed binaries start -----------------------------------------------------------
out=$("$prefix/bin/pillars-cli" --version)
[ "$out" = "pillars-cli $version" ] || fail "pillars-cli --version said '$out'"
"$prefix/bin/pillars-cli" validate --quiet "$share/pillars/examples/three-tier.json" ||
  fail "pillars-cli cannot validate the installed example"
ok "pillars-cli $version runs and reads the installed examples"

# The GUI runs offscreen, as on a build machine; a display in the environment must not matter.
gui() { env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$prefix/bin/pillars" "$@" 2>>"$gui_log"; }
out=$(gui --version)
[ "$out" = "Pillars $version" ] || fail "pillars --version said '$out'"
shot=$work/example.png empty=$work/empty.png start=$work/start.png
gui "$share/pillars/examples/three-tier.json" --screenshot "$shot" || fail "pillars could not open the example and take a screenshot"
# Without a file Pillars shows its start page; the window left empty is an empty design.
gui --screenshot "$start" || fail "pillars could not start without a file and take a screenshot"
printf '{ "format": "pillars-scenario", "version": 1, "name": "Empty", "duration": "10s", "components": [], "links": [] }\n' \
  >"$work/empty.json"
gui "$work/empty.json" --screenshot "$empty" || fail "pillars could not take a screenshot of an empty design"
for png in "$shot" "$empty" "$start"; do
  need_file "$png"
  is_png "$png" || fail "the screenshot ${png##*/} is not a PNG"
done
read -r w h < <(png_size "$shot")
bytes=$(stat -c %s "$shot") empty_bytes=$(stat -c %s "$empty")
# The window at a real size, showing the example: more detail than the same window left empty
# (docks and menus alone make an empty window's picture some 40 kB, so size alone proves little).
[ "$w" -ge 640 ] && [ "$h" -ge 400 ] || fail "the screenshot is only ${w}x$h"
[ "$(png_size "$empty")" = "$w $h" ] && [ "$(png_size "$start")" = "$w $h" ] || fail "the screenshots differ in size"
[ "$bytes" -gt $((empty_bytes + empty_bytes / 4)) ] ||
  fail "the example's screenshot ($bytes bytes) is hardly more than an empty window's ($empty_bytes): topology not drawn?"
ok "pillars $version opens the installed example (screenshot ${w}x$h, $bytes bytes; empty window $empty_bytes)"
