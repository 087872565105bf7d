"""PyMuPDF code the client and the server share: words of a page, PDF annotations, watermarks.

Neutral ground: imports no Qt and nothing of the client's UI or network, so the server may use it.
"""
