"""Page rendering: the single PyMuPDF worker of the client."""
