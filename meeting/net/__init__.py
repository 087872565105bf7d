"""The client's link to the server: Socket.IO connection, HTTP calls, document cache, keyring.

Qt-free and callback based; the UI marshals callbacks onto its own thread (meeting.ui.bridge).
"""
