#!/usr/bin/env bash
# Installs the .deb with apt as a user would, upgrades it over itself, runs the installed app's self-check and
# removes and purges it, failing at the first step that does not work. Needs root, Xvfb (xvfb-run) and the
# package's dependencies already installed (it installs from no repository). Usage: check-deb.sh DEB
set -euo pipefail
deb=$(realpath "$1")
package=kms-tag-manager
launcher=/opt/kms-tag-manager/bin/kms-tag-manager
menu_entry=/usr/share/applications/kms-tag-manager.desktop
export DEBIAN_FRONTEND=noninteractive

if [ -d /etc/xdg/menus ]; then
  echo "check-deb: this machine has a menu system (/etc/xdg/menus)"
else
  echo "check-deb: this machine has no menu system (no /etc/xdg/menus)"
fi
if dpkg -s "$package" >/dev/null 2>&1; then
  apt-get purge -y -qq "$package" >/dev/null
fi

apt-get install -y -qq "$deb" >/dev/null
dpkg-query -W -f '${Status}\n' "$package" | grep -qx 'install ok installed' \
  || { echo "check-deb: $package is not fully installed: $(dpkg-query -W -f '${Status}' "$package")" >&2; exit 1; }
dpkg -L "$package" | grep -qx "$menu_entry" || { echo "check-deb: no $menu_entry in the package" >&2; exit 1; }
dpkg -L "$package" | grep -qx /usr/share/icons/hicolor/48x48/apps/kms-tag-manager.png \
  || { echo "check-deb: no icon in the package" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$menu_entry"
fi

[ "$(command -v kms-tag-manager)" = /usr/bin/kms-tag-manager ] \
  || { echo "check-deb: kms-tag-manager is not on the PATH as /usr/bin/kms-tag-manager" >&2; exit 1; }

# An upgrade runs the old package's prerm and the new one's postinst: install the same package over itself.
dpkg -i "$deb" >/dev/null
dpkg-query -W -f '${Status}\n' "$package" | grep -qx 'install ok installed' \
  || { echo "check-deb: $package is not fully installed after an upgrade" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
output=$(env HOME="$home" XDG_DATA_HOME="$home/data" KMS_TAG_MANAGER_SELF_CHECK=1 \
  xvfb-run -a -s '-screen 0 1280x800x24' "$launcher" 2>&1) \
  || { echo "$output"; echo "check-deb: the installed app's self-check failed" >&2; exit 1; }
echo "$output" | grep 'Self-check: the main window shows 12 keys' \
  || { echo "$output"; echo "check-deb: the installed app did not show the demo keys" >&2; exit 1; }
# The command line, as a script runs it: the demo keys exported as CSV, without a display.
exported=$(env -u DISPLAY HOME="$home" XDG_DATA_HOME="$home/data" kms-tag-manager tags export --format csv) \
  || { echo "$exported"; echo "check-deb: kms-tag-manager tags export failed" >&2; exit 1; }
[ "$(echo "$exported" | tail -n +2 | grep -c .)" -ge 12 ] \
  || { echo "$exported"; echo "check-deb: tags export did not list the demo keys" >&2; exit 1; }

apt-get remove -y -qq "$package" >/dev/null
[ ! -e "$launcher" ] || { echo "check-deb: $launcher is still there after apt-get remove" >&2; exit 1; }
[ ! -e "$menu_entry" ] || { echo "check-deb: $menu_entry is still there after apt-get remove" >&2; exit 1; }
[ ! -L /usr/bin/kms-tag-manager ] || { echo "check-deb: /usr/bin/kms-tag-manager is left after remove" >&2; exit 1; }
apt-get purge -y -qq "$package" >/dev/null
if dpkg -s "$package" >/dev/null 2>&1; then
  echo "check-deb: $package is still known to dpkg after purge" >&2; exit 1
fi
[ ! -e /opt/kms-tag-manager ] || { echo "check-deb: /opt/kms-tag-manager is left after purge" >&2; exit 1; }
echo "check-deb: installed, upgraded, self-checked, removed and purged $(basename "$deb")"
