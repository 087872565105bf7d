"""`meeting --help` in the interface's language: every option's help, and argparse's own words."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

from meeting import cli, cli_texts

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def test_every_help_text_has_japanese():
    try:
        cli_texts.speak("ja")
        parser = cli.build_parser()
        english = [f"{p.prog} {'/'.join(a.option_strings) or a.dest}: {a.help!r}"
                   for p in _parsers(parser) for a in p._actions
                   if a.help and a.help != argparse.SUPPRESS and not JAPANESE.search(a.help)]
        english += [f"{p.prog}: {p.description!r}" for p in _parsers(parser)
                    if p.description and not JAPANESE.search(p.description)]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                english += [f"command {c.dest}: {c.help!r}" for c in action._choices_actions
                            if not JAPANESE.search(c.help or "")]
        assert english == [], "help without Japanese (add it to meeting/cli_texts.py):\n" + \
            "\n".join(english)
    finally:
        cli_texts.speak("en")


def _help(*args: str, language: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEETING_LANGUAGE": language}
    return subprocess.run([sys.executable, "-m", "meeting", *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_the_help_and_the_errors_speak_the_chosen_language():
    japanese = _help("demo", "--help", language="ja")
    assert japanese.returncode == 0
    assert japanese.stdout.startswith("使い方：meeting demo")
    assert "このヘルプを表示して終了する" in japanese.stdout
    assert "usage" not in japanese.stdout and "show this help" not in japanese.stdout
    wrong = _help("demo", "--size", "3", language="ja")
    assert wrong.returncode == 2 and "エラー：引数 --size：幅x高さではありません" in wrong.stderr
    # --language on the command line wins over the environment, and English stays English
    english = _help("--language", "en", "--help", language="ja")
    assert english.stdout.startswith("usage: meeting") and "Paperless meeting client" in \
        english.stdout
