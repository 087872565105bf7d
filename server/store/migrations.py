"""Versioned schema migrations, applied in order; `PRAGMA user_version` records the last applied.

Never edit a migration that has shipped: add the next one.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: accounts, sessions, meetings with their shared state, members, documents
    """
    CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL
                      CHECK (role IN ('admin', 'organizer', 'participant', 'display')),
        password_hash TEXT NOT NULL,
        created_at    REAL NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        revoked    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_user ON sessions(user_id);
    CREATE TABLE meetings (
        id                  INTEGER PRIMARY KEY,
        title               TEXT NOT NULL,
        created_at          REAL NOT NULL,
        presenter_id        INTEGER REFERENCES users(id),
        current_document_id INTEGER REFERENCES documents(id),
        current_page        INTEGER NOT NULL DEFAULT 0,
        seq                 INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE meeting_members (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, user_id)
    );
    CREATE TABLE documents (
        id         INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sha256     TEXT NOT NULL,
        title      TEXT NOT NULL,
        filename   TEXT NOT NULL,
        pages      INTEGER NOT NULL CHECK (pages > 0),
        size       INTEGER NOT NULL,
        added_at   REAL NOT NULL,
        added_by   INTEGER REFERENCES users(id)
    );
    CREATE INDEX documents_by_meeting ON documents(meeting_id);
    CREATE INDEX documents_by_hash ON documents(sha256);
    """,
    # 2: annotations (ink strokes); points as a JSON array of [x, y] in page points
    """
    CREATE TABLE annotations (
        id          TEXT PRIMARY KEY,
        meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page        INTEGER NOT NULL,
        layer       TEXT NOT NULL CHECK (layer IN ('shared', 'private')),
        owner_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tool        TEXT NOT NULL,
        color       TEXT NOT NULL,
        width       REAL NOT NULL,
        points      TEXT NOT NULL,
        complete    INTEGER NOT NULL DEFAULT 0,
        created_at  REAL NOT NULL
    );
    CREATE INDEX annotations_by_meeting ON annotations(meeting_id, layer, owner_id);
    """,
    # 3: a stroke's points in append-only chunks, one per batch received, so adding a batch
    #    costs the same at point 10 and at point 10,000 (no rewrite of the whole stroke)
    """
    CREATE TABLE annotation_points (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        start         INTEGER NOT NULL,
        points        TEXT NOT NULL,
        PRIMARY KEY (annotation_id, start)
    ) WITHOUT ROWID;
    ALTER TABLE annotations ADD COLUMN point_count INTEGER NOT NULL DEFAULT 0;
    INSERT INTO annotation_points (annotation_id, start, points)
        SELECT id, 0, points FROM annotations WHERE json_array_length(points) > 0;
    UPDATE annotations SET point_count = json_array_length(points);
    ALTER TABLE annotations DROP COLUMN points;
    """,
    # 4: revised documents: the versions a document had, and marks that could not be placed
    #    in a new version (kept, with the reason, for their owner to see)
    """
    CREATE TABLE document_revisions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sha256      TEXT NOT NULL,
        pages       INTEGER NOT NULL,
        replaced_at REAL NOT NULL,
        replaced_by INTEGER REFERENCES users(id)
    );
    CREATE INDEX revisions_by_document ON document_revisions(document_id);
    ALTER TABLE annotations ADD COLUMN unplaced TEXT;
    """,
    # 5: the organizer may let participants draw on the shared layer (and share their notes)
    """
    ALTER TABLE meetings ADD COLUMN participants_draw INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: typed notes (the text of an annotation drawn with the text tool)
    """
    ALTER TABLE annotations ADD COLUMN text TEXT NOT NULL DEFAULT '';
    """,
    # 7: what the room's screens show besides the page: blanked, followers locked, a zoomed
    #    region of the page (JSON [x0, y0, x1, y1] in page points)
    """
    ALTER TABLE meetings ADD COLUMN blank TEXT CHECK (blank IN ('black', 'white'));
    ALTER TABLE meetings ADD COLUMN followers_locked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE meetings ADD COLUMN zoom TEXT;
    """,
    # 8: the agenda: ordered items, each optionally pointing at a page of a document; where the
    #    meeting is; and when each item was taken up (for the record of the meeting)
    """
    CREATE TABLE agenda_items (
        id          INTEGER PRIMARY KEY,
        meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        title       TEXT NOT NULL,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        page        INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX agenda_by_meeting ON agenda_items(meeting_id, position);
    CREATE TABLE agenda_visits (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        item_id    INTEGER NOT NULL,
        at         REAL NOT NULL
    );
    ALTER TABLE meetings ADD COLUMN agenda_item INTEGER;
    """,
    # 9: a second document the presenter shows beside the page
    """
    ALTER TABLE meetings ADD COLUMN beside_document_id INTEGER
        REFERENCES documents(id) ON DELETE SET NULL;
    ALTER TABLE meetings ADD COLUMN beside_page INTEGER NOT NULL DEFAULT 0;
    """,
    # 10: the link of the organization's web meeting (audio and video) for remote participants
    """
    ALTER TABLE meetings ADD COLUMN web_link TEXT;
    """,
    # 11: the audit log: who opened, downloaded, viewed, exported, changed what, and when
    """
    CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        at          REAL NOT NULL,
        user        TEXT NOT NULL,
        action      TEXT NOT NULL,
        meeting_id  INTEGER,
        document_id INTEGER,
        detail      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_by_time ON audit(at);
    CREATE INDEX audit_by_user ON audit(user, at);
    CREATE INDEX audit_by_meeting ON audit(meeting_id, at);
    """,
    # 12: leak protection: a watermark, materials removed when the meeting ends, an expiry
    #     date for access to them, and when the meeting ended
    """
    ALTER TABLE meetings ADD COLUMN watermark INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE meetings ADD COLUMN removal TEXT NOT NULL DEFAULT 'none'
        CHECK (removal IN ('none', 'files', 'files_and_notes'));
    ALTER TABLE meetings ADD COLUMN expires_at REAL;
    ALTER TABLE meetings ADD COLUMN ended_at REAL;
    """,
    # 13: votes. `vote_voters` says who voted; what they voted is in `choice` for a named vote
    #     only. A secret vote adds to `vote_counts` instead, with no link to the voter: no
    #     rowid (WITHOUT ROWID, keyed by name) and no time per ballot to match the two up.
    """
    CREATE TABLE votes (
        id          INTEGER PRIMARY KEY,
        meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item INTEGER,
        title       TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('yes_no', 'choice')),
        options     TEXT NOT NULL DEFAULT '[]',
        secret      INTEGER NOT NULL,
        quorum      INTEGER,
        majority    TEXT NOT NULL CHECK (majority IN ('simple', 'two_thirds', 'absolute')),
        status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        eligible    TEXT NOT NULL,
        version     INTEGER NOT NULL DEFAULT 1,
        opened_at   REAL NOT NULL,
        closed_at   REAL
    );
    CREATE INDEX votes_by_meeting ON votes(meeting_id, id);
    CREATE TABLE vote_voters (
        vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        voter   TEXT NOT NULL,
        choice  TEXT,
        PRIMARY KEY (vote_id, voter)
    ) WITHOUT ROWID;
    CREATE TABLE vote_counts (
        vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        choice  TEXT NOT NULL,
        count   INTEGER NOT NULL,
        PRIMARY KEY (vote_id, choice)
    ) WITHOUT ROWID;
    """,
    # 14: for the record of the meeting: who attended from where, and which pages were shown
    """
    CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user       TEXT NOT NULL,
        role       TEXT NOT NULL,
        place      TEXT NOT NULL,
        first_at   REAL NOT NULL,
        PRIMARY KEY (meeting_id, user, place)
    ) WITHOUT ROWID;
    CREATE TABLE page_history (
        meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL,
        page        INTEGER NOT NULL,
        at          REAL NOT NULL
    );
    CREATE INDEX page_history_by_meeting ON page_history(meeting_id, at);
    """,
    # 15: Office documents: the PDF made from them is the document; the original is kept
    """
    ALTER TABLE documents ADD COLUMN original_sha256 TEXT;
    ALTER TABLE documents ADD COLUMN original_filename TEXT;
    """,
    # 16: when and where a meeting is held, for the meeting list (both optional)
    """
    ALTER TABLE meetings ADD COLUMN starts_at REAL;
    ALTER TABLE meetings ADD COLUMN place TEXT;
    """,
    # 17: approval (決裁). A circulation owns a container: a `meetings` row of kind
    #     'circulation' (never listed as a meeting) whose members are the people on its route,
    #     so documents, page images, marks and revisions work on it as in any meeting. Its
    #     standing is replayed from `circulation_history` (meeting/core/approval.py). Users
    #     get a section (課) and a display name for their stamp; route templates may be fixed
    #     for a section; a person names the delegates who may act for them.
    """
    ALTER TABLE meetings ADD COLUMN kind TEXT NOT NULL DEFAULT 'meeting'
        CHECK (kind IN ('meeting', 'circulation'));
    ALTER TABLE users ADD COLUMN section TEXT;
    ALTER TABLE users ADD COLUMN display_name TEXT;
    CREATE TABLE circulations (
        id           INTEGER PRIMARY KEY,
        meeting_id   INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
        title        TEXT NOT NULL,
        drafter      TEXT NOT NULL,
        route        TEXT NOT NULL DEFAULT '[]',
        document_ids TEXT NOT NULL DEFAULT '[]',
        created_at   REAL NOT NULL,
        updated_at   REAL NOT NULL,
        signed_at    REAL
    );
    CREATE INDEX circulations_by_drafter ON circulations(drafter);
    CREATE TABLE circulation_history (
        id             INTEGER PRIMARY KEY,
        circulation_id INTEGER NOT NULL REFERENCES circulations(id) ON DELETE CASCADE,
        entry          TEXT NOT NULL
    );
    CREATE INDEX history_by_circulation ON circulation_history(circulation_id, id);
    CREATE TABLE route_templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        owner      TEXT NOT NULL,
        section    TEXT,
        route      TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE TABLE approval_delegates (
        principal TEXT NOT NULL,
        delegate  TEXT NOT NULL,
        PRIMARY KEY (principal, delegate)
    ) WITHOUT ROWID;
    CREATE INDEX delegates_by_delegate ON approval_delegates(delegate);
    """,
)
