#!/usr/bin/env bash
# Installs every Debian package Pillars needs to build and test, and nothing when all are
# present already (safe to run again and again). Used by `make run`, `make test` and CI.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make   # toolchain
  libgtest-dev libgmock-dev               # GoogleTest (unit, integration and CLI tests)
  dpkg-dev                                # dpkg-shlibdeps for `make package`
  qt6-base-dev qt6-svg-dev qt6-charts-dev # desktop app (Widgets, SVG icons, charts)
  libqt6opengl6-dev libgl-dev libxkbcommon-dev  # needed by Qt 6's CMake packages
  libgraphviz-dev libsqlite3-dev          # auto-layout and project files
  libcli11-dev                            # CLI11, header-only: pillars-cli's argument parsing and --help
  clang-14 libclang-rt-14-dev llvm-14     # the fuzz preset: libFuzzer, sanitizer runtimes, llvm-symbolizer
  xvfb xauth                              # `make run` screenshots and GUI checks without a display
  poppler-utils                           # pdftotext/pdftoppm: CLI tests read back the PDF review report
  appstream desktop-file-utils shared-mime-info  # packaging tests: validate metainfo, desktop file, MIME type
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
