"""Document cache integrity and token storage in the keychain."""

from __future__ import annotations

import hashlib

import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from meeting.net.cache import DocumentCache, HashMismatchError
from meeting.net.credentials import TokenStore


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS keychain, which does not exist on a headless test machine."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username))


def test_cache_accepts_only_bytes_matching_the_hash(tmp_path):
    cache = DocumentCache(tmp_path)
    body = b"%PDF-1.7 sample"
    sha = hashlib.sha256(body).hexdigest()
    bad = cache.writer(sha)
    bad.write(b"%PDF-1.7 tampered")
    with pytest.raises(HashMismatchError):
        bad.commit()
    assert cache.get(sha) is None
    assert list(tmp_path.iterdir()) == []
    good = cache.writer(sha)
    good.write(body)
    assert good.commit().read_bytes() == body
    assert cache.get(sha) is not None


def test_token_kept_in_keychain_by_server_and_user():
    backend = MemoryKeyring()
    store = TokenStore(backend)
    assert store.persistent
    store.save("https://meet.example.jp/", "paul", "t1")
    store.save("https://other.example.jp", "paul", "t2")
    assert TokenStore(backend).load("https://meet.example.jp", "paul") == "t1"
    assert TokenStore(backend).load("https://other.example.jp", "paul") == "t2"
    assert "t1" in backend.items.values() and all("password" not in k[0] for k in backend.items)
    store.delete("https://meet.example.jp", "paul")
    assert TokenStore(backend).load("https://meet.example.jp", "paul") is None


def test_without_keychain_token_lives_in_memory_only():
    store = TokenStore(keyring.backends.fail.Keyring())
    assert not store.persistent
    store.save("http://127.0.0.1:8765", "paul", "t1")
    assert store.load("http://127.0.0.1:8765", "paul") == "t1"
    assert TokenStore(keyring.backends.fail.Keyring()).load("http://127.0.0.1:8765", "paul") is None
