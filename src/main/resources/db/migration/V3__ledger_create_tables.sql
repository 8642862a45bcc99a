-- Evidence waits here from the moment its action commits (same transaction) until the sequencer
-- integrates it into the tree. Nothing committed is ever lost: a crash leaves it pending.
CREATE TABLE ledger_pending (
    id          bigserial PRIMARY KEY,
    entry       bytea NOT NULL,
    type        text NOT NULL,
    subject     text NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- The log: canonical JSON entries by index, insert-only. "hashes" holds the Merkle tree hashes
-- completed by appending this entry (its leaf hash first, then one per subtree it closes), so the
-- whole tree is stored with one row per entry and any hash is read from the entry that closed it.
CREATE TABLE ledger_entry (
    idx     bigint PRIMARY KEY,
    entry   bytea NOT NULL,
    type    text NOT NULL,
    subject text NOT NULL,
    hashes  bytea NOT NULL CHECK (octet_length(hashes) % 32 = 0 AND octet_length(hashes) > 0)
);
CREATE INDEX ledger_entry_by_subject ON ledger_entry (subject, idx);

-- Signed checkpoints. One per size: the log never signs two different trees of the same size.
CREATE TABLE ledger_checkpoint (
    size      bigint PRIMARY KEY,
    root      bytea NOT NULL CHECK (octet_length(root) = 32),
    note      text NOT NULL,
    signed_at timestamptz NOT NULL
);

-- Security events raised by the auditor when stored evidence no longer matches what was signed.
CREATE TABLE ledger_alert (
    id          bigserial PRIMARY KEY,
    detected_at timestamptz NOT NULL,
    entry_index bigint,
    reason      text NOT NULL
);
