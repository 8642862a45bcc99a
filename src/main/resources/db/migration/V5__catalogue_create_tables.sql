-- The government data resource catalogue (GB/T 21063). The code is the public identifier;
-- the provider is the department's member code (as in its X-Road-style identifier).
CREATE TABLE catalogue_resource (
    code                text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,63}$'),
    classification      text NOT NULL,
    name_zh             text NOT NULL CHECK (char_length(name_zh) BETWEEN 1 AND 200),
    name_en             text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 200),
    provider            text NOT NULL,
    summary             text NOT NULL CHECK (char_length(summary) <= 2000),
    format              text NOT NULL,
    sharing_type        text NOT NULL CHECK (sharing_type IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    sharing_conditions  text NOT NULL DEFAULT '',
    sharing_method      text,
    legal_basis         text NOT NULL DEFAULT '',
    open_type           text NOT NULL CHECK (open_type IN ('OPEN', 'CONDITIONAL', 'NOT_OPEN')),
    open_conditions     text NOT NULL DEFAULT '',
    update_cycle        text NOT NULL,
    published_on        date NOT NULL,
    grade               text NOT NULL CHECK (grade IN ('GENERAL', 'IMPORTANT', 'CORE')),
    retired             boolean NOT NULL DEFAULT false,
    version             bigint NOT NULL DEFAULT 1,
    registered_at       timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- the rules the service checks first, kept here too so no path can store a resource that breaks them
    CONSTRAINT not_shared_needs_legal_basis CHECK (sharing_type <> 'NOT_SHARED' OR legal_basis <> ''),
    CONSTRAINT core_data_not_opened CHECK (grade <> 'CORE' OR open_type = 'NOT_OPEN')
);
CREATE INDEX catalogue_resource_provider ON catalogue_resource (provider, code);
CREATE INDEX catalogue_resource_classification ON catalogue_resource (classification);

CREATE TABLE catalogue_item (
    resource_code  text NOT NULL REFERENCES catalogue_resource (code) ON DELETE CASCADE,
    position       integer NOT NULL,
    item_key       text NOT NULL CHECK (item_key ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_zh        text NOT NULL,
    name_en        text NOT NULL,
    item_type      text NOT NULL,
    personal       boolean NOT NULL,
    sensitive      boolean NOT NULL,
    PRIMARY KEY (resource_code, position),
    UNIQUE (resource_code, item_key)
);

-- An import runs in the background; its progress and every refused line are kept so the status
-- page can be reloaded (and read on any node) until it is done.
CREATE TABLE catalogue_import (
    id              uuid PRIMARY KEY,
    account_id      uuid NOT NULL,
    organisation    text,
    file_name       text NOT NULL,
    file_kind       text NOT NULL,
    encoding        text NOT NULL DEFAULT '',
    file_digest     text NOT NULL,
    status          text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows      integer NOT NULL DEFAULT 0,
    processed_rows  integer NOT NULL DEFAULT 0,
    registered      integer NOT NULL DEFAULT 0,
    changed         integer NOT NULL DEFAULT 0,
    unchanged       integer NOT NULL DEFAULT 0,
    failure         text,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

CREATE TABLE catalogue_import_error (
    import_id    uuid NOT NULL REFERENCES catalogue_import (id) ON DELETE CASCADE,
    line_number  integer NOT NULL,
    -- the error code of the first broken rule (null for rows that could not be read), and what to fix
    code         text,
    message      text NOT NULL,
    PRIMARY KEY (import_id, line_number)
);
