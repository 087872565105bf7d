"""Signing the documents of an approved circulation (issue 17): the organization's signing
authority, each user's certificate, the signed PDFs and their validation.

`server.signing.model` is the boundary the approval events call through; it imports nothing
heavy, so the event code can build a `SignedCirculation` without loading pyHanko.
"""
