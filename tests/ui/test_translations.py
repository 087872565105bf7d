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
    sources = sorted(str(p) for p in UI.rglob("*.py"))  # sub-packages too
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


# Words that stay in Latin letters in Japanese government writing: formats, standards, keys,
# and what a user types literally. Anything else in Latin letters is English left behind.
LATIN_IN_JAPANESE = {"PDF", "pdf", "CSV", "csv", "Web", "Office", "SHA-256", "Esc", "F11", "PC",
                     "https", "ca-file", "p", "ID", "URL",
                     "Enter", "Shift", "Ctrl", "PageUp", "PageDown"}  # (as on the keys)


def _japanese_texts() -> list[tuple[str, str]]:
    texts = []
    for context in ET.parse(TS).getroot():
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("vanished", "obsolete") and translation.text:
                texts.append((message.findtext("source") or "", translation.text))
    return texts


def _browser_japanese_texts() -> list[tuple[str, str]]:
    source = (viewer_files().page / "texts.js").read_text(encoding="utf-8")
    ja_block = source.split("ja: {", 1)[1].split("\n  },", 1)[0]
    return re.findall(r'^\s+(\w+): "(.*)",?$', ja_block, re.M)


def test_the_japanese_interface_has_no_english_and_japanese_punctuation():
    """In the app's Japanese and in the browser viewer's."""
    english, punctuation = [], []
    for source, text in _japanese_texts() + _browser_japanese_texts():
        if re.fullmatch(r"[dMyHhms ,:./-]+", source):
            continue  # a date pattern for QLocale: its letters are the format, not English
        plain = re.sub(r"\{\d\}|\(\*\.\w+\)", "", text)  # placeholders, file-dialog patterns
        words = set(re.findall(r"[A-Za-z][A-Za-z0-9+-]*", plain)) - LATIN_IN_JAPANESE
        if words:
            english.append(f"{source!r} -> {text!r}: {sorted(words)}")
        if re.search(r"[,!?;]|: |·|Web 会議", plain):
            punctuation.append(f"{source!r} -> {text!r}")
    assert english == [], "English in the Japanese interface:\n" + "\n".join(english)
    assert punctuation == [], ("ASCII punctuation or a second spelling in Japanese (use 、。："
                               "・ and 「Web会議」):\n" + "\n".join(punctuation))


def test_the_file_names_the_app_proposes_are_japanese_in_japanese(qtbot, tmp_path):
    from meeting.ui.export_dialog import ExportDialog

    app = QApplication.instance()
    try:
        translations.install(app, "ja", tmp_path / "translations")
        dialog = ExportDialog("予算説明資料", "第1回 経営会議", tmp_path)
        qtbot.addWidget(dialog)
        assert dialog.path().name == "予算説明資料（書き込み付き）.pdf"
        dialog.whole_meeting.setChecked(True)
        assert dialog.path().name == "第1回 経営会議（全資料・書き込み付き）.pdf"
    finally:
        translations.install(app, "en", tmp_path / "translations")
