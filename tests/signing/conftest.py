"""A signing authority in a fresh data folder and a three-step circulation over the samples."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.signing.authority import SigningAuthority
from server.signing.model import (
    CheckPointComment,
    HistoryEntry,
    SignedApproval,
    SignedCirculation,
    SignedDocument,
    StampPlacement,
)

ROUTE = (("chief", "山田 太郎", "総務課", "課長"), ("kana", "佐藤 花子", "企画課", "合議"),
         ("dir", "鈴木 一郎", "総務部", "部長"))


@pytest.fixture
def authority(tmp_path) -> SigningAuthority:
    return SigningAuthority.init(tmp_path / "data", "テスト市役所")


@pytest.fixture
def circulation(sample_pdfs) -> SignedCirculation:
    """Three documents, three approvals: the second stamps where its approver put it on the
    first document, the others in the stamp column; each leaves a check point on document 1."""
    documents = tuple(SignedDocument(index + 10, path, path.stem)
                      for index, path in enumerate(sample_pdfs[:3]))
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    approvals = tuple(
        SignedApproval(
            step=step, user=user, display_name=name, section=section, role=role,
            time=start + timedelta(hours=step + 1),
            on_behalf_of="高橋 部長" if step == 2 else None,
            stamp=StampPlacement(10, 0, (300, 400, 360, 460)) if step == 1 else None,
            comments=(CheckPointComment(10, 0, (40, 40, 560, 130), f"確認 {step + 1}"),),
            comment=f"承認します {step + 1}")
        for step, (user, name, section, role) in enumerate(ROUTE))
    history = (HistoryEntry(start, "drafter", "起案 者", "started", None, "お願いします"),
               *(HistoryEntry(a.time, a.user, a.display_name, "approved", a.step, a.comment,
                              a.on_behalf_of) for a in approvals))
    return SignedCirculation(7, "令和8年度 予算案", "起案 者", documents, approvals, history)
