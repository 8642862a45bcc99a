-- Exchange between departments: registered services, sharing agreements, and the record of
-- every call through the gateway (batched into Merkle trees whose roots go to the ledger).

-- A provider's REST service behind the gateway. service_id is the X-Road service identifier
-- INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE; field_items maps response JSON paths to data items.
CREATE TABLE exchange_service (
    id              uuid PRIMARY KEY,
    service_id      text NOT NULL UNIQUE,
    provider_member text NOT NULL,
    resource_code   text NOT NULL,
    base_url        text NOT NULL CHECK (char_length(base_url) <= 2000),
    open_api        text NOT NULL DEFAULT '' CHECK (octet_length(open_api) <= 1048576),
    field_items     jsonb NOT NULL DEFAULT '{}',
    personal        boolean NOT NULL DEFAULT false,
    registered_at   timestamptz NOT NULL,
    registered_by   text NOT NULL,
    retired_at      timestamptz,
    version         integer NOT NULL DEFAULT 0
);
CREATE INDEX exchange_service_by_provider ON exchange_service (provider_member, service_id);
CREATE INDEX exchange_service_by_resource ON exchange_service (resource_code);

-- A sharing agreement: which consumer may call which service, for what purpose, which items.
CREATE TABLE exchange_agreement (
    id                 uuid PRIMARY KEY,
    consumer           text NOT NULL,
    consumer_member    text NOT NULL,
    service_id         text NOT NULL,
    provider_member    text NOT NULL,
    resource_code      text NOT NULL,
    purpose            text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 1000),
    legal_basis        text NOT NULL CHECK (char_length(legal_basis) BETWEEN 1 AND 1000),
    data_items         text[] NOT NULL,
    valid_until        date NOT NULL,
    calls_per_minute   integer NOT NULL CHECK (calls_per_minute > 0),
    tracker_delay_days integer NOT NULL CHECK (tracker_delay_days >= 0),
    status             text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    status_reason      text,
    granted_at         timestamptz NOT NULL,
    granted_by         text NOT NULL,
    changed_at         timestamptz NOT NULL,
    version            integer NOT NULL DEFAULT 0
);
CREATE INDEX exchange_agreement_by_consumer ON exchange_agreement (consumer_member, granted_at DESC);
CREATE INDEX exchange_agreement_by_provider ON exchange_agreement (provider_member, granted_at DESC);
CREATE INDEX exchange_agreement_by_service ON exchange_agreement (service_id);
CREATE INDEX exchange_agreement_expiring ON exchange_agreement (valid_until) WHERE status IN ('ACTIVE', 'SUSPENDED');

-- A batch of call records proven by one ledger entry: the RFC 9162 Merkle root over the
-- SHA-256 leaf hashes of its calls, in batch_index order.
CREATE TABLE exchange_call_batch (
    id          bigserial PRIMARY KEY,
    size        integer NOT NULL CHECK (size > 0),
    root        bytea NOT NULL CHECK (octet_length(root) = 32),
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- One row per call through the gateway, refused ones included. No bodies: digests only.
CREATE TABLE exchange_call (
    id                       uuid PRIMARY KEY,
    xroad_id                 text NOT NULL,
    client                   text NOT NULL,
    consumer_member          text NOT NULL,
    service_id               text NOT NULL,
    provider_member          text NOT NULL,
    resource_code            text,
    agreement_id             uuid,
    purpose                  text,
    issue                    text,
    subject_hash             text,
    data_items               text[] NOT NULL,
    at                       timestamptz NOT NULL,
    visible_to_subject_from  timestamptz NOT NULL,
    status                   integer NOT NULL,
    error_code               text,
    request_digest           text NOT NULL,
    response_digest          text NOT NULL,
    duration_micros          bigint NOT NULL,
    leaf_hash                bytea NOT NULL CHECK (octet_length(leaf_hash) = 32),
    batch_id                 bigint NOT NULL REFERENCES exchange_call_batch (id),
    batch_index              integer NOT NULL
);
CREATE INDEX exchange_call_by_subject ON exchange_call (subject_hash, visible_to_subject_from DESC) WHERE subject_hash IS NOT NULL;
CREATE INDEX exchange_call_by_agreement ON exchange_call (agreement_id, at) WHERE agreement_id IS NOT NULL;
CREATE INDEX exchange_call_by_resource ON exchange_call (resource_code, at);
CREATE INDEX exchange_call_by_consumer ON exchange_call (consumer_member, at);
CREATE INDEX exchange_call_by_batch ON exchange_call (batch_id, batch_index);
