#!/usr/bin/env bash
# The package as pip installs it (for pipx, a distribution's package, an IT department): build
# the wheel from this tree, install it (not editable) into a fresh virtual environment, then,
# outside the source tree: the demo's screenshot, the browser viewer's files as the installed
# server sends them, and the tests that need no source tree, run against the installed package.
#   packaging/check-wheel.sh      (needs npm: the build brings the viewer's socket.io client)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 -m venv venv
# setuptools reuses build/lib: a file deleted from the tree would otherwise stay in the wheel.
rm -rf "$ROOT/build/lib"
venv/bin/pip wheel -q --no-deps -w wheel "$ROOT"
wheel=$(echo wheel/*.whl)
venv/bin/python - "$wheel" <<'PY'
import os, sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
print(f"{os.path.basename(sys.argv[1])}: {os.path.getsize(sys.argv[1]) / 1024:.0f} KiB, "
      f"{len(names)} files")
PY
venv/bin/pip install -q "$wheel[test]"
case $(venv/bin/python -c 'import meeting; print(meeting.__file__)') in
  "$work"/venv/*) ;; *) echo "meeting is not imported from the wheel" >&2; exit 1 ;;
esac

# One version: the package's, in its metadata, on the command line and from /health (the
# tests below ask /health).
version=$(venv/bin/python -c 'import importlib.metadata as m; print(m.version("paperless-meeting"))')
[ "$(venv/bin/meeting --version)" = "$version" ] && [ "$(venv/bin/meeting-server --version)" = "$version" ]

QT_QPA_PLATFORM=offscreen venv/bin/meeting demo --screenshot demo.png
venv/bin/python "$ROOT/packaging/check_screenshot.py" demo.png
venv/bin/python "$ROOT/packaging/check_viewer.py" venv/bin/meeting-server

# The tests, copied here so that `meeting` and `server` can only come from the wheel. Left
# out: those that read the source tree itself (the protocol and security documents and the
# viewer's generated constants against the code, the layer contracts, the JavaScript client's
# script, the packaging folder).
cp -r "$ROOT/tests" "$ROOT/pyproject.toml" .
# (the nginx front of the several-processes tests is the one docs/deploy.md documents)
mkdir -p docs && cp "$ROOT/docs/deploy.md" docs/
# (and the shared corpus is found beside the source tree, not beside this copy)
export MEETING_TEST_CORPUS="$ROOT/../shared/corpus"
QT_QPA_PLATFORM=offscreen venv/bin/python -m pytest -q -p no:cacheprovider \
  tests/core tests/net tests/export tests/pdf tests/render tests/server tests/signing tests/web \
  tests/ui \
  tests/test_demo.py tests/packaging/test_qt_platform.py \
  tests/packaging/test_window_icon.py::test_the_icon_has_every_size_drawn \
  --ignore tests/core/test_messages.py --ignore tests/core/test_protocol_doc.py \
  --ignore tests/server/test_authz_matrix.py --ignore tests/server/test_approval_authz.py \
  --ignore tests/server/test_javascript_client.py \
  --ignore tests/core/test_export_js.py \
  --deselect tests/server/test_protocol_agreement.py::test_every_error_the_server_gives_is_documented_for_its_event
echo "wheel check passed: $version"
