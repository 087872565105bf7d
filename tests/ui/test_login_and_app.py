"""Signing in, the token kept in the keychain and reused, the meeting list, signing out."""

from __future__ import annotations

import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from meeting.net.api import ApiError, ServerApi
from meeting.net.credentials import TokenStore
from meeting.ui.app import ClientApp
from meeting.ui.login_dialog import LoginDialog
from tests.helpers.live import PASSWORD
from tests.net.test_cache_and_credentials import MemoryKeyring
from tests.ui.conftest import wait_for_page


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def client_app(runtime, settings, seeded_server):
    """(after the server: so the apps close before it stops, as people close theirs)"""
    apps = []

    def make(tokens: TokenStore) -> ClientApp:
        app = ClientApp(runtime, tokens, settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()  # (its windows with it)


def signed_in(qtbot, client_app, url: str, name: str) -> ClientApp:
    """A client app signed in through its login dialog, its meeting list loaded."""
    app = client_app(TokenStore(MemoryKeyring()))
    app.start(url, name)
    app.login.password.setText(PASSWORD)
    app.login.sign_in()
    qtbot.waitUntil(lambda: app.meetings is not None and app.meetings.list.count() == 1,
                    timeout=10_000)
    return app


def test_login_dialog_signs_in(qtbot, seeded_server):
    live, _ = seeded_server
    dialog = LoginDialog(live.url, "paul")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    url, result = signed.args
    assert url == live.url and result.user.name == "paul" and result.token
    assert dialog.password.text() == ""


def test_login_dialog_explains_failures(qtbot, seeded_server):
    live, _ = seeded_server
    dialog = LoginDialog(live.url, "paul")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong")
    dialog.sign_in()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Wrong user name or password."
    assert dialog.sign_in_button.isEnabled()
    dialog.server.setText("http://127.0.0.1:9")
    dialog.password.setText("x")
    dialog.sign_in()
    qtbot.waitUntil(lambda: "Cannot reach" in dialog.error.text(), timeout=10_000)
    dialog.password.clear()
    dialog.sign_in()
    assert "Enter the server address" in dialog.error.text()


def test_sign_in_keeps_token_then_next_start_skips_login(qtbot, client_app, seeded_server,
                                                          settings):
    live, seeded = seeded_server
    keychain = MemoryKeyring()
    first = client_app(TokenStore(keychain))
    first.start(live.url, "paul")
    assert first.login is not None and first.login.isVisible()
    first.login.password.setText(PASSWORD)
    first.login.sign_in()
    qtbot.waitUntil(lambda: first.meetings is not None and first.meetings.list.count() == 1,
                    timeout=10_000)
    stored = list(keychain.items.items())
    assert len(stored) == 1 and stored[0][0] == (f"paperless-meeting:{live.url}", "paul")
    assert PASSWORD not in str(keychain.items)
    first.close()

    second = client_app(TokenStore(keychain))
    second.start()  # server and user come from the settings, the token from the keychain
    qtbot.waitUntil(lambda: second.meetings is not None and second.meetings.list.count() == 1,
                    timeout=10_000)
    assert second.login is None
    viewer = second.open_meeting(seeded.meeting_id)
    wait_for_page(qtbot, viewer)
    assert viewer.ink._settings is settings  # what the window remembers is kept on the device

    token = stored[0][1]
    second.sign_out(forget=True)
    assert keychain.items == {}
    assert second.login is not None and second.login.isVisible()

    def revoked() -> None:  # (waitUntil retries on AssertionError only)
        try:
            ServerApi(live.url, token).me()
        except ApiError:
            return
        raise AssertionError("the token still works")

    qtbot.waitUntil(revoked, timeout=10_000)  # signing out also ends the session on the server


def test_without_keychain_the_user_is_told(qtbot, client_app, seeded_server):
    live, _ = seeded_server
    app = client_app(TokenStore(keyring.backends.fail.Keyring()))
    app.start(live.url, "paul")
    assert app.login.note.isVisible()
    assert "keychain" in app.login.note.text()


def test_expired_token_in_keychain_falls_back_to_login(qtbot, client_app, seeded_server):
    live, _ = seeded_server
    keychain = MemoryKeyring()
    tokens = TokenStore(keychain)
    tokens.save(live.url, "paul", "expired-token")
    app = client_app(tokens)
    app.start(live.url, "paul")
    qtbot.waitUntil(lambda: app.login is not None and app.login.isVisible(), timeout=10_000)


def test_meeting_display_opens_full_screen_unattended(qtbot, runtime, settings, seeded_server):
    from meeting.ui.app import DisplayTarget

    live, seeded = seeded_server
    keychain = MemoryKeyring()
    tokens = TokenStore(keychain)
    tokens.save(live.url, "dora", ServerApi(live.url).login("dora", PASSWORD).token)
    app = ClientApp(runtime, tokens, settings, DisplayTarget(screen=0,
                                                             meeting_id=seeded.meeting_id))
    app.start(live.url, "dora")  # as `meeting display --meeting N --screen 0` does
    try:
        qtbot.waitUntil(lambda: seeded.meeting_id in app.displays, timeout=10_000)
        display = app.displays[seeded.meeting_id]
        assert display.isFullScreen() and app.meetings is None and app.login is None

        def showing() -> None:
            view = display.page_view
            assert view.painted is not None and view.painted == (view.document_path, 0)

        qtbot.waitUntil(showing, timeout=10_000)
    finally:
        for window in app.displays.values():
            window.close()
        app.close()


def test_an_organizer_removes_a_participant_whose_windows_close(qtbot, client_app, open_viewer,
                                                                seeded_server):
    live, seeded = seeded_server
    paul_app = signed_in(qtbot, client_app, live.url, "paul")
    wait_for_page(qtbot, paul_app.open_meeting(seeded.meeting_id))
    olga = open_viewer("olga")

    def paul_entry():
        entries = [a for a in olga.people_button.menu().actions() if "paul" in a.text()]
        assert entries and entries[0].menu() is not None  # an organizer may remove him
        return entries[0]

    qtbot.waitUntil(lambda: paul_entry() is not None, timeout=10_000)
    assert all(a.menu() is None for a in paul_app.viewers[seeded.meeting_id]
               .people_button.menu().actions())  # a participant may remove nobody
    remove = paul_entry().menu().actions()[0]
    assert remove.text() == "Remove from the meeting…"
    remove.trigger()
    olga.people_button.confirmation.button(QMessageBox.StandardButton.Yes).click()  # confirmed

    qtbot.waitUntil(lambda: not paul_app.viewers and paul_app.notice is not None
                    and paul_app.notice.isVisible(), timeout=10_000)
    assert "olga removed you" in paul_app.notice.text()
    qtbot.waitUntil(lambda: paul_app.meetings.list.count() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not any("paul" in a.text()
                                    for a in olga.people_button.menu().actions()),
                    timeout=10_000)
    assert "olga removed paul" in olga.statusBar().currentMessage()
    paul_app.notice.close()


def test_keep_for_offline_reading_then_start_and_read_without_the_server(
        qtbot, client_app, seeded_server):
    live, seeded = seeded_server
    keychain = MemoryKeyring()
    at_work = client_app(TokenStore(keychain))
    at_work.start(live.url, "paul")
    at_work.login.password.setText(PASSWORD)
    at_work.login.sign_in()
    qtbot.waitUntil(lambda: at_work.meetings is not None and at_work.meetings.list.count() == 1,
                    timeout=10_000)
    meetings = at_work.meetings
    assert meetings.keep_button.isEnabled()
    meetings.keep_button.click()  # before the meeting: download everything
    qtbot.waitUntil(lambda: "is kept on this device" in meetings.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: "✓ on this device" in meetings.list.item(0).text(), timeout=10_000)
    at_work.close()
    meetings.close()

    live.down()  # at home, the server out of reach
    at_home = client_app(TokenStore(keychain))
    at_home.start()
    qtbot.waitUntil(lambda: at_home.meetings is not None and at_home.meetings.list.count() == 1,
                    timeout=20_000)
    assert at_home.login is None  # no sign-in needed to read what is kept
    assert at_home.meetings.status.text().startswith("Offline")
    assert not at_home.meetings.keep_button.isEnabled()
    viewer = at_home.open_meeting(seeded.meeting_id)
    wait_for_page(qtbot, viewer)  # the page, from the device
    assert "Offline" in viewer.connection_label.text()

    live.up()  # back online: the list and the meeting come from the server again
    qtbot.waitUntil(lambda: not at_home.meetings.offline, timeout=30_000)
    qtbot.waitUntil(lambda: "Connected" in viewer.connection_label.text(), timeout=10_000)


def test_a_signed_out_sessions_late_news_does_not_reach_the_next_one(qtbot, client_app,
                                                                     seeded_server):
    """The app hears each session through that session's bridge; signing out disconnects it,
    so a refusal still on its way from the old session cannot sign the new one out."""
    live, _ = seeded_server
    app = signed_in(qtbot, client_app, live.url, "paul")
    old_bridge = app.bridge
    app.sign_out(forget=False)
    app.login.password.setText(PASSWORD)
    app.login.sign_in()
    qtbot.waitUntil(lambda: app.meetings is not None and app.meetings.list.count() == 1,
                    timeout=10_000)
    signed_in_now = app.session
    old_bridge.sessionRefused.emit("unauthenticated", "The server ended this session.")
    assert app.session is signed_in_now and app.meetings is not None


def test_the_touch_mode_setting_is_applied_when_the_app_starts_and_when_it_changes(
        client_app, settings, runtime):
    from meeting.ui.base import touch
    from meeting.ui.preferences import Preferences

    Preferences(touch="on").save(settings)
    app = client_app(TokenStore(MemoryKeyring()))
    assert touch.is_on(runtime.app) and runtime.app.styleSheet() == touch.STYLE
    app._preferences_changed(Preferences(touch="off"))
    assert not touch.is_on(runtime.app) and runtime.app.styleSheet() == ""
