-- Entries are kept as C2SP tlog-tiles entry bundles, 256 to a row: the very bytes a verifier
-- downloads, so serving a bundle reads one row instead of 256 and assembles nothing. The bundle
-- is the only copy of its entries (ledger_entry keeps what lookups and proofs need), so what the
-- log serves is what the auditor checks, and a change to a stored entry shows in both.
CREATE TABLE ledger_bundle (
    idx     bigint PRIMARY KEY,  -- bundle N holds entries [256 N, 256 N + 256); only the last may hold fewer
    entries bytea NOT NULL       -- each entry as a big-endian uint16 length, then its bytes
);

INSERT INTO ledger_bundle (idx, entries)
SELECT idx / 256, string_agg(substring(int4send(octet_length(entry)) FROM 3 FOR 2) || entry, ''::bytea ORDER BY idx)
FROM ledger_entry
GROUP BY idx / 256;

ALTER TABLE ledger_entry DROP COLUMN entry;
