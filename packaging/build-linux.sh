#!/usr/bin/env bash
# Build the one-folder Linux app with PyInstaller, then smoke-test it: the built program runs a
# local demo meeting offscreen, turns a page and saves a screenshot that must show the page.
# Then the built server must serve the browser viewer's files.
#   packaging/build-linux.sh            -> dist/meeting/meeting, dist/meeting/meeting-server
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || { python3 -m venv .venv && .venv/bin/pip install -q -e .; PYTHON=.venv/bin/python; }
[ -d web/node_modules/socket.io-client ] || npm ci --prefix web --no-audit --no-fund
"$PYTHON" -m pip install -q -e '.[packaging]'

# The translations, compiled (the packaged app has no lrelease).
mkdir -p build/package-data/translations
"$(dirname "$PYTHON")/pyside6-lrelease" -silent meeting/resources/translations/meeting_ja.ts \
  -qm build/package-data/translations/meeting_ja.qm

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/meeting.spec
echo "built dist/meeting in $(( $(date +%s) - started )) s, $(du -sh dist/meeting | cut -f1)"

# Left out on purpose (the spec's hook and excludes): the build machine's GTK, Qt's network.
for lib in libgtk-3.so.0 libcairo.so.2 libQt6Network.so.6; do
  [ -z "$(find dist/meeting -name "$lib")" ] || { echo "dist/meeting has $lib again" >&2; exit 1; }
done

# Smoke test: the built program, not the source tree, in a fresh folder.
shot=$(mktemp -d)/demo.png
demo=$(QT_QPA_PLATFORM=offscreen dist/meeting/meeting demo --data-dir "$(mktemp -d)" \
  --screenshot "$shot")
echo "$demo"
# The pages must have been drawn by render worker processes of the frozen program (its GUI
# process never loads PyMuPDF): their start through multiprocessing is what freezing risks.
grep -Eq '^[1-9][0-9]* pages drawn by render worker processes [0-9]+.*PyMuPDF in this process: no$' \
  <<<"$demo" || { echo "the built app's pages were not drawn by its worker processes" >&2; exit 1; }
# The image must show the meeting: page paper, text, window chrome, not blank windows (the
# dark backdrop alone would pass a count of dark pixels).
"$PYTHON" packaging/check_screenshot.py "$shot"

# The built server: the browser viewer's files must come back whole, byte for byte those of
# this tree (the demo above never asks for them).
"$PYTHON" packaging/check_viewer.py dist/meeting/meeting-server ||
  { echo "the built meeting-server does not serve the browser viewer whole" >&2; exit 1; }
echo "smoke test passed: $shot"
