-- The link between a citizen's account and the keyed hash of their resident ID number (never the
-- number itself): the same hash the exchange gateway keeps of X-Road-UserId, so "who used my data"
-- can find the calls about them. One number belongs to one account.
CREATE TABLE privacy_subject (
    account_id   uuid PRIMARY KEY,
    subject_hash text NOT NULL UNIQUE,
    linked_at    timestamptz NOT NULL
);
