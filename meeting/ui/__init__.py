"""Qt widgets: thin views over meeting.core and meeting.net."""
