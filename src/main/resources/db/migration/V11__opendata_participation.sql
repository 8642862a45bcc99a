-- Public participation in the open data portal: link checks (quality), applications for
-- conditional datasets and their access keys, dataset requests and error reports, reuses.

-- The latest check of each linked resource (one row per resource, replaced on every check).
CREATE TABLE opendata_link_check (
    resource_id uuid PRIMARY KEY REFERENCES opendata_resource (id) ON DELETE CASCADE,
    checked_at  timestamptz NOT NULL,
    http_status integer,
    ok          boolean NOT NULL,
    problem     text
);

CREATE TABLE opendata_access_application (
    id              uuid PRIMARY KEY,
    dataset_id      uuid NOT NULL REFERENCES opendata_dataset (id),
    department_id   uuid NOT NULL,
    applicant_id    uuid NOT NULL,
    organisation_id uuid,
    applicant_kind  text NOT NULL CHECK (applicant_kind IN ('ENTERPRISE', 'SOCIAL_ORGANISATION', 'RESEARCHER')),
    affiliation     text NOT NULL,
    purpose         text NOT NULL,
    intended_use    text NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED')),
    reason          text,
    submitted_at    timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    decided_at      timestamptz,
    revoked_at      timestamptz,
    version         integer NOT NULL DEFAULT 0,
    CHECK (period_end >= period_start)
);
-- One pending application per person and dataset: a second submission finds the first.
CREATE UNIQUE INDEX opendata_access_application_one_pending
    ON opendata_access_application (dataset_id, applicant_id) WHERE state = 'PENDING';
CREATE INDEX opendata_access_application_department ON opendata_access_application (department_id, state, due_at);
CREATE INDEX opendata_access_application_applicant ON opendata_access_application (applicant_id, submitted_at);

-- Access keys: only the SHA-256 of the key is kept; the applicant sees the key once.
CREATE TABLE opendata_access_key (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES opendata_access_application (id),
    dataset_id     uuid NOT NULL,
    key_hash       text NOT NULL UNIQUE,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz
);
CREATE INDEX opendata_access_key_application ON opendata_access_key (application_id);

-- Dataset requests (a dataset that does not exist) and error reports (about one that does).
CREATE TABLE opendata_feedback (
    id            uuid PRIMARY KEY,
    number        text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('DATASET_REQUEST', 'ERROR_REPORT')),
    dataset_id    uuid REFERENCES opendata_dataset (id),
    department_id uuid,
    title         text NOT NULL,
    body          text NOT NULL,
    author_id     uuid NOT NULL,
    fingerprint   text NOT NULL UNIQUE,
    state         text NOT NULL CHECK (state IN ('OPEN', 'ANSWERED', 'DECLINED')),
    answer        text,
    answered_at   timestamptz,
    created_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 0
);
CREATE INDEX opendata_feedback_created ON opendata_feedback (created_at DESC);
CREATE INDEX opendata_feedback_dataset ON opendata_feedback (dataset_id);
CREATE INDEX opendata_feedback_department ON opendata_feedback (department_id, state);

CREATE TABLE opendata_reuse (
    id           uuid PRIMARY KEY,
    title        text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('APP', 'STUDY', 'ARTICLE', 'VISUALISATION')),
    url          text NOT NULL,
    description  text NOT NULL,
    author       text NOT NULL,
    submitted_by uuid NOT NULL,
    fingerprint  text NOT NULL UNIQUE,
    state        text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    reason       text,
    created_at   timestamptz NOT NULL,
    decided_at   timestamptz,
    version      integer NOT NULL DEFAULT 0
);
CREATE INDEX opendata_reuse_state ON opendata_reuse (state, created_at DESC);

CREATE TABLE opendata_reuse_dataset (
    reuse_id   uuid NOT NULL REFERENCES opendata_reuse (id) ON DELETE CASCADE,
    dataset_id uuid NOT NULL REFERENCES opendata_dataset (id),
    PRIMARY KEY (reuse_id, dataset_id)
);
CREATE INDEX opendata_reuse_dataset_dataset ON opendata_reuse_dataset (dataset_id);

-- Marks that the demo city's participation data was added (once, whichever event came first).
CREATE TABLE opendata_participation_demo (
    name     text PRIMARY KEY,
    added_at timestamptz NOT NULL
);
