#!/usr/bin/env bash
# Puts the menu entry, the icons and the command into the .deb that jpackage built, as files of the package where
# Debian's policy puts them: /usr/share/applications, /usr/share/icons/hicolor and /usr/bin (a link to the launcher,
# so that `kms-tag-manager tags ...` runs from a shell). jpackage's own menu integration
# (--linux-shortcut) would instead run xdg-desktop-menu from the package's scripts, which fails where no menu
# system is installed (no /etc/xdg/menus) and leaves the package half-configured. Files need no script: the
# desktop and icon caches are refreshed by the triggers of desktop-file-utils and the icon themes, when installed.
# Usage: add-package-files.sh DIST_DIR (run from the project directory; needs dpkg-deb)
set -euo pipefail
debs=("$1"/kms-tag-manager_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "expected one kms-tag-manager .deb in $1" >&2; exit 1; }
deb=${debs[0]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

dpkg-deb --raw-extract "$deb" "$root"
install -D -m 0644 packaging/linux/kms-tag-manager.desktop "$root/usr/share/applications/kms-tag-manager.desktop"
for size in 16 32 48 64 128 256 512; do
  install -D -m 0644 "icons/kms-tag-manager-$size.png" \
    "$root/usr/share/icons/hicolor/${size}x${size}/apps/kms-tag-manager.png"
done
install -D -m 0644 icons/kms-tag-manager.svg "$root/usr/share/icons/hicolor/scalable/apps/kms-tag-manager.svg"
install -d "$root/usr/bin"
ln -s /opt/kms-tag-manager/bin/kms-tag-manager "$root/usr/bin/kms-tag-manager"

installed_kib=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $installed_kib/" "$root/DEBIAN/control"
if [ -f "$root/DEBIAN/md5sums" ]; then
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
fi
dpkg-deb --root-owner-group --build "$root" "$work/package.deb" >/dev/null
mv "$work/package.deb" "$deb"
