"""Qt-free core: protocol messages, meeting state and sync logic, shared by client and server."""
