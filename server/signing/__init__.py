"""Signing the documents of an approved circulation (issue 17): the organization's signing
authority, each user's certificate, the signed PDFs and their validation.

What the approval events call, imported lazily so that importing `server.signing.model` (the
boundary's dataclasses) loads neither PyMuPDF nor pyHanko:

- `produce_signed_pdfs(authority, circulation, out_dir)`: a coroutine; the work runs in a
  child process (`produce.produce_signed_pdfs` is the same, synchronous, in this process);
- `signature_states(authority, [(document_id, path), …])`: each signature's state, per file.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "produce_signed_pdfs":
        from server.signing.produce import produce_signed_pdfs_async

        return produce_signed_pdfs_async
    if name == "signature_states":
        from server.signing.validate import signature_states

        return signature_states
    raise AttributeError(name)
