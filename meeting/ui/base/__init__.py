"""Building blocks every window of the client shares: icons, tool bars that never hide an
action, touch mode."""
