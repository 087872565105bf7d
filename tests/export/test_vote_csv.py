"""A vote's CSV: opens in Excel in Japan (UTF-8 with BOM), and a title or option written like a
formula is shown, not run."""

from __future__ import annotations

import csv
import io

from meeting.core.votes import Majority, Outcome, VoteData, VoteKind, VoteResult, VoteStatus
from meeting.export.vote_csv import vote_csv


def test_formulas_are_shown_not_run_and_secret_votes_name_nobody():
    vote = VoteData(id=1, meeting_id=1, version=3, title='=HYPERLINK("http://x")',
                    kind=VoteKind.CHOICE, options=("+A案", "B案"), secret=True, quorum=None,
                    majority=Majority.SIMPLE, agenda_item=None, status=VoteStatus.CLOSED,
                    eligible=("paul", "pia"), voted=2, voters=(),
                    counts={"+A案": 2, "B案": 0, "abstain": 0}, ballots=None, opened_at=1.0,
                    closed_at=2.0, result=VoteResult(outcome=Outcome.CHOSEN, winner="+A案"))
    text = vote_csv(vote)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["vote", "'=HYPERLINK(\"http://x\")"]
    assert ["'+A案", "2"] in rows and ["chosen", "'+A案"] in rows
    assert ["voted", "2"] in rows
    assert not any("paul" in cell for row in rows for cell in row)
