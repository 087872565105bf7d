"""The parts of the meeting window, one job each; `meeting.ui.viewer_window` puts them together."""
