"""Role names in words, in the interface's language (the protocol's names are for programs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meeting.core.protocol import Role


def role_name(role: Role) -> str:
    return {
        Role.ADMIN: QCoreApplication.translate("Roles", "administrator"),
        Role.ORGANIZER: QCoreApplication.translate("Roles", "organizer"),
        Role.PARTICIPANT: QCoreApplication.translate("Roles", "participant"),
        Role.DISPLAY: QCoreApplication.translate("Roles", "large monitor"),
    }[Role(role)]
