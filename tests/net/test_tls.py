"""HTTPS and Socket.IO over TLS on one port, with a certificate authority the test makes itself;
the client trusts what it is told to trust and refuses everything else."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import socketio
import trustme

from meeting.core.protocol import PROTOCOL_VERSION
from meeting.net.api import ApiError, ServerApi
from meeting.net.cache import DocumentCache
from meeting.net.session import MeetingSession
from meeting.net.trust import CA_FILE_VARIABLE, Trust, TrustError
from server.embedded import EmbeddedServer
from tests.helpers.live import PASSWORD
from tests.net.test_session import Recorder


@pytest.fixture(scope="module")
def authority():
    return trustme.CA(organization_name="Test Prefecture IT")


@pytest.fixture
def tls_server(tmp_path, seeded_template, authority):
    template, seeded = seeded_template
    shutil.copytree(template, tmp_path / "server")
    certificate = authority.issue_cert("127.0.0.1", "localhost")
    context = _server_context(certificate)
    server = EmbeddedServer(tmp_path / "server", ssl_context=context)
    url = server.start()
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    yield url, ca_file, seeded
    server.stop()


def _server_context(certificate: trustme.LeafCert):
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    return context


def test_a_whole_session_over_tls_with_the_organizations_authority(tls_server, tmp_path):
    url, ca_file, seeded = tls_server
    assert url.startswith("https://")
    trust = Trust.configured(ca_file)
    login = ServerApi(url, trust=trust).login("paul", PASSWORD)
    recorder = Recorder()
    session = MeetingSession(url, login.token, login.user, DocumentCache(tmp_path / "cache"),
                             recorder, trust)
    session.start()
    try:
        recorder.wait_for(lambda: recorder.online[-1:] == [True])  # the WebSocket is over TLS
        session.join(seeded.meeting_id)
        recorder.wait_for(lambda: seeded.meeting_id in recorder.views)
        view = recorder.views[seeded.meeting_id]
        path = session.fetch_document(view.documents[0]).result(timeout=20)
        assert path.stat().st_size == view.documents[0].size  # downloaded over HTTPS, checked
    finally:
        session.close()


def test_the_client_refuses_a_certificate_it_was_not_told_to_trust(tls_server, tmp_path):
    url, _ca_file, _seeded = tls_server
    with pytest.raises(ApiError) as refused:  # the system's authorities do not know the test's
        ServerApi(url).login("paul", PASSWORD)
    assert refused.value.code == "untrusted_certificate"
    assert "certificate" in refused.value.message

    stranger = tmp_path / "other-ca.pem"  # nor does another organization's authority
    trustme.CA().cert_pem.write_to_path(str(stranger))
    with pytest.raises(ApiError) as refused:
        ServerApi(url, trust=Trust.configured(stranger)).login("paul", PASSWORD)
    assert refused.value.code == "untrusted_certificate"


def test_the_live_connection_verifies_the_certificate_too(tls_server, tmp_path):
    url, ca_file, _seeded = tls_server
    token = ServerApi(url, trust=Trust(ca_file)).login("paul", PASSWORD).token
    untrusting = socketio.Client(reconnection=False, http_session=Trust().http_session())
    with pytest.raises(socketio.exceptions.ConnectionError):
        untrusting.connect(url, auth={"token": token, "protocol": PROTOCOL_VERSION},
                           transports=["websocket"], wait_timeout=5)

    recorder = Recorder()  # the client's own connection keeps retrying, never connects
    session = MeetingSession(url, token, ServerApi(url, token, trust=Trust(ca_file)).me(),
                             DocumentCache(tmp_path / "cache"), recorder, Trust())
    session.start()
    try:
        # the first attempt was refused (the client says it is offline); the next ones meet
        # the same certificate
        recorder.wait_for(lambda: False in recorder.online)
        assert session.connection.unreachable
        assert True not in recorder.online and not session.online  # offline, said plainly
    finally:
        session.close()


def test_a_missing_ca_file_is_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(TrustError, match="does not exist"):
        Trust.configured(tmp_path / "nowhere.pem")
    monkeypatch.setenv(CA_FILE_VARIABLE, str(tmp_path / "nowhere.pem"))
    with pytest.raises(TrustError):
        Trust.configured()
    monkeypatch.delenv(CA_FILE_VARIABLE)
    assert Trust.configured() == Trust()  # the system's authorities
    assert Trust().verify is True  # never False: verification cannot be turned off


def test_the_server_says_plainly_when_it_cannot_use_its_certificate(tmp_path, authority):
    certificate = authority.issue_cert("localhost")
    cert = tmp_path / "cert.pem"
    certificate.cert_chain_pems[0].write_to_path(str(cert))
    wrong_key = tmp_path / "key.pem"
    trustme.CA().issue_cert("localhost").private_key_pem.write_to_path(str(wrong_key))
    for arguments, expected in (
        (["--certfile", str(tmp_path / "none.pem")], "no such file"),
        (["--certfile", str(cert), "--keyfile", str(wrong_key)], "cannot use the certificate"),
        (["--keyfile", str(wrong_key)], "--keyfile needs --certfile"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "server.cli", "--data-dir", str(tmp_path / "data"),
             "--port", "0", *arguments], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result
        assert expected in result.stderr
