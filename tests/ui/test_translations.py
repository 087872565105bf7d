"""Japanese for every screen: every string the interface shows has a Japanese translation (a
new string without one fails here), the translation keeps the string's placeholders, the app
switches language, and the browser viewer has every text in both languages."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication

from meeting.ui import translations
from meeting.ui.vote_panel import VoteDialog
from server.web_viewer import viewer_files

TS = translations.TRANSLATIONS / "meeting_ja.ts"  # the package's: runs on a wheel too
UI = Path(translations.__file__).parent


def test_every_interface_string_has_a_japanese_translation(tmp_path):
    fresh = tmp_path / "meeting_ja.ts"
    shutil.copyfile(TS, fresh)
    lupdate = Path(translations.lrelease()).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    untranslated, broken = [], []
    for context in ET.parse(fresh).getroot():
        name = context.findtext("name")
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            if kind == "unfinished" or not (translation.text or "").strip():
                untranslated.append(f"{name}: {source!r}")
            elif sorted(re.findall(r"\{\d\}", source)) != sorted(
                    re.findall(r"\{\d\}", translation.text)):
                broken.append(f"{name}: {source!r} -> {translation.text!r}")
    assert untranslated == [], ("strings without Japanese (add them to "
                                "meeting/resources/translations/meeting_ja.ts):\n"
                                + "\n".join(untranslated))
    assert broken == [], "placeholders lost in translation:\n" + "\n".join(broken)


def test_the_interface_speaks_japanese_then_english_again(qapp, tmp_path):
    app = QApplication.instance()
    try:
        translations.install(app, "ja", tmp_path / "translations")
        dialog = VoteDialog(None)
        assert dialog.windowTitle() == "新しい採決"
        assert dialog.secret.text() == "無記名投票（票数のみ記録）"
        dialog.close()
        assert (tmp_path / "translations" / "meeting_ja.qm").exists()  # compiled on demand
    finally:
        translations.install(app, "en", tmp_path / "translations")
    assert VoteDialog(None).windowTitle() == "New vote"


def test_the_browser_viewer_has_every_text_in_both_languages():
    source = (viewer_files().page / "texts.js").read_text(encoding="utf-8")  # as served
    ja_block = source.split("ja: {", 1)[1].split("\n  },", 1)[0]
    en_block = source.split("en: {", 1)[1].split("\n  },", 1)[0]
    keys = [set(re.findall(r"^\s+(\w+):", block, re.M)) for block in (ja_block, en_block)]
    assert keys[0] and keys[0] == keys[1], keys[0] ^ keys[1]
