"""The client's windows carry the project's icon at every size drawn, and the name of its
desktop entry (packaging/linux/paperless-meeting.desktop)."""

from __future__ import annotations

from pathlib import Path

from meeting import paths
from meeting.ui.runtime import ClientRuntime, app_icon

ROOT = Path(__file__).resolve().parents[2]
DRAWN = sorted(int(p.stem.rsplit("-", 1)[1])
               for p in (paths.resources() / "icons").glob("paperless-meeting-*.png"))


def test_the_icon_has_every_size_drawn(qapp):
    assert len(DRAWN) >= 6
    assert sorted(s.width() for s in app_icon().availableSizes()) == DRAWN
    assert all(s.width() == s.height() for s in app_icon().availableSizes())


def test_the_client_sets_its_icon_and_desktop_entry(qapp, tmp_path):
    runtime = ClientRuntime.start(tmp_path / "client-cache", language="en")
    try:
        assert sorted(s.width() for s in runtime.app.windowIcon().availableSizes()) == DRAWN
        assert runtime.app.desktopFileName() == "paperless-meeting"
        assert (ROOT / "packaging" / "linux" / f"{runtime.app.desktopFileName()}.desktop"
                ).is_file()
    finally:
        runtime.close()
