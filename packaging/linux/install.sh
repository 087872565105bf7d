#!/usr/bin/env bash
# Install the built app (dist/meeting) with its menu entry and icons.
#   packaging/linux/install.sh --user    # into ~/.local (no root)
#   sudo packaging/linux/install.sh      # into /opt/paperless-meeting and /usr/local/share
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x dist/meeting/meeting ] || { echo "build first: packaging/build-linux.sh" >&2; exit 1; }
if [ "${1:-}" = "--user" ]; then
  app="$HOME/.local/lib/paperless-meeting" bin="$HOME/.local/bin" share="$HOME/.local/share"
else
  app=/opt/paperless-meeting-app bin=/usr/local/bin share=/usr/local/share
fi
mkdir -p "$app" "$bin" "$share/applications"
rm -rf "$app/meeting" && cp -a dist/meeting "$app/"
ln -sf "$app/meeting/meeting" "$bin/meeting"
install -m 644 packaging/linux/paperless-meeting.desktop "$share/applications/"
for size in 16 24 32 48 64 128 256 512; do
  dir="$share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir" && install -m 644 "meeting/resources/icons/paperless-meeting-$size.png" "$dir/paperless-meeting.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
install -m 644 meeting/resources/icons/paperless-meeting.svg "$share/icons/hicolor/scalable/apps/"
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "installed: $bin/meeting, menu entry \"Paperless Meeting\" (ペーパーレス会議)"
