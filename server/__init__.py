"""The meeting server: HTTP and Socket.IO on one port, SQLite and a content-addressed store."""
