#!/usr/bin/env bash
# Renders the SVG master into every icon file the app and the installers use. Run it after changing the SVG
# and commit what it writes. Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils
# (png2icns): apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
master=kms-tag-manager.svg
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$master" -o "kms-tag-manager-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar pick from.
convert kms-tag-manager-16.png kms-tag-manager-32.png kms-tag-manager-48.png kms-tag-manager-64.png \
  kms-tag-manager-128.png kms-tag-manager-256.png kms-tag-manager.ico
# macOS: an .icns with the sizes png2icns knows (16, 32, 48, 128, 256, 512).
png2icns kms-tag-manager.icns kms-tag-manager-16.png kms-tag-manager-32.png kms-tag-manager-48.png \
  kms-tag-manager-128.png kms-tag-manager-256.png kms-tag-manager-512.png >/dev/null
# The app's own copies, for the window and the About dialog.
resources=../src/main/resources/dev/kmstags/icons
mkdir -p "$resources"
for size in 16 32 48 64 128 256; do
  cp "kms-tag-manager-$size.png" "$resources/"
done
