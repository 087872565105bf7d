"""Paperless meeting client and the Qt-free core it shares with the server."""

__version__ = "0.1.0"
