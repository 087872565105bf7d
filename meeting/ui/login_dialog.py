"""Signing in: server address, user name, password. The password never leaves this dialog except
to the server; what is kept (in the keychain) is the session token the server returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meeting.net.api import ApiError, LoginResult, ServerApi
from meeting.ui.main_thread import in_background, when_done
from meeting.ui.plain_label import PlainLabel


class LoginDialog(QDialog):
    signedIn = Signal(str, object)
    """(server URL, LoginResult) after a successful sign-in."""

    def __init__(self, server_url: str = "", user: str = "", keychain_note: str = "",
                 parent: QWidget | None = None,
                 api_factory: Callable[[str], ServerApi] = ServerApi) -> None:
        super().__init__(parent)
        self._api_factory = api_factory
        self.result_login: LoginResult | None = None
        self.setWindowTitle(self.tr("Sign in — Paperless Meeting"))
        self.setMinimumWidth(460)
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://meeting.example.lg.jp")
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.server, self.user, self.password):
            field.setMinimumHeight(36)
        self.error = PlainLabel()  # (the server's message)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = QLabel(keychain_note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        self.note.setVisible(bool(keychain_note))
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setMinimumHeight(36)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        (self.password if server_url and user else self.server).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def sign_in(self) -> None:
        server = self.server.text().strip().rstrip("/")
        user = self.user.text().strip()
        password = self.password.text()
        if not server or not user or not password:
            self._show_error(self.tr("Enter the server address, your user name and password."))
            return
        if "://" not in server:
            server = f"https://{server}"
            self.server.setText(server)
        self._busy(True)
        api = self._api_factory(server)

        def succeeded(result: LoginResult) -> None:
            self._busy(False)
            self.password.clear()
            self.result_login = result
            self.signedIn.emit(server, result)
            self.accept()

        def failed(error: Exception) -> None:
            self._busy(False)
            self.password.clear()
            self._show_error(self._explain(error, server))

        when_done(in_background("meeting-login", api.login, user, password), succeeded, failed,
                  self)

    def _explain(self, error: Exception, server: str) -> str:
        """The server's words are English; say the common cases in the user's language."""
        code = getattr(error, "code", "")
        if code == "unauthenticated":
            return self.tr("Wrong user name or password.")
        if code == "unreachable":
            return self.tr("Cannot reach the server at {0}. Check the address and the network.")\
                .format(server)
        if code == "rate_limited":
            return self.tr("Too many failed sign-ins. Try again in {0} seconds.").format(
                getattr(error, "retry_after", None) or 60)
        if code == "untrusted_certificate":
            return self.tr("The server's certificate is not trusted, so nothing was sent. "
                           "Check the address, or ask your administrator for the certificate "
                           "authority file (--ca-file).")
        if code == "protocol_mismatch":
            return self.tr("This client and the server are different versions. "
                           "Update the client or ask your administrator.")
        return error.message if isinstance(error, ApiError) else str(error)

    def _busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        if busy:
            self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
