-- Citizen requests (12345). The tracking number is the public identifier (also the Open311
-- service_request_id): short, readable and random, so it reveals no volumes.
CREATE TABLE requests_request (
    id                   uuid PRIMARY KEY,
    tracking_number      text NOT NULL UNIQUE,
    service_code         text NOT NULL,
    description          text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    address              text CHECK (char_length(address) <= 500),
    lat                  double precision CHECK (lat BETWEEN -90 AND 90),
    lon                  double precision CHECK (lon BETWEEN -180 AND 180),
    district_code        text,
    attributes           jsonb NOT NULL DEFAULT '{}',
    status               text NOT NULL CHECK (status IN ('UNROUTED', 'SUBMITTED', 'IN_PROGRESS',
                             'WAITING_FOR_CITIZEN', 'RESOLVED', 'CLOSED')),
    status_notes         text,
    department_id        uuid,
    transfer_to_id       uuid,
    transfer_count       integer NOT NULL DEFAULT 0,
    -- who asked: an account, or an anonymous person reachable through a contact channel
    citizen_id           uuid,
    contact_name         text,
    contact_email        text,
    contact_phone        text,
    name_public          boolean NOT NULL DEFAULT false,
    -- SHA-256 of the key on an anonymous requester's receipt: it lets them add information, rate, reopen
    citizen_key_hash     text,
    -- the Open311 token a client can look the request up by
    token                text NOT NULL UNIQUE,
    source               text NOT NULL,
    client_id            uuid,
    idempotency_key      text,
    -- SHA-256 of what a client sent (category, text, place): finds a resent POST with one index probe
    fingerprint          text,
    submitted_at         timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    response_due         timestamptz NOT NULL,
    resolution_due       timestamptz NOT NULL,
    first_response_at    timestamptz,
    paused_at            timestamptz,
    escalated_at         timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    reopen_count         integer NOT NULL DEFAULT 0,
    rating               text CHECK (rating IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    rated_solved         boolean,
    rating_comment       text,
    rated_at             timestamptz,
    merged_into          uuid REFERENCES requests_request (id),
    support_count        integer NOT NULL DEFAULT 0,
    version              integer NOT NULL DEFAULT 0,
    UNIQUE (client_id, idempotency_key)
);
-- a department's answered requests, newest first (its open ones use the partial index below)
CREATE INDEX requests_by_department ON requests_request (department_id, submitted_at DESC);
CREATE INDEX requests_open_by_department ON requests_request (department_id, resolution_due, id)
    WHERE status IN ('IN_PROGRESS', 'SUBMITTED', 'WAITING_FOR_CITIZEN');
CREATE INDEX requests_unrouted ON requests_request (submitted_at) WHERE status = 'UNROUTED';
CREATE INDEX requests_by_submitted ON requests_request (submitted_at DESC, id);
CREATE INDEX requests_by_service ON requests_request (service_code, submitted_at DESC);
-- open requests are a few per cent of all: lists of them need their own order
CREATE INDEX requests_open_by_service ON requests_request (service_code, submitted_at DESC)
    WHERE status IN ('IN_PROGRESS', 'SUBMITTED', 'UNROUTED', 'WAITING_FOR_CITIZEN');
CREATE INDEX requests_open_by_submitted ON requests_request (submitted_at DESC)
    WHERE status IN ('IN_PROGRESS', 'SUBMITTED', 'UNROUTED', 'WAITING_FOR_CITIZEN');
CREATE INDEX requests_by_citizen ON requests_request (citizen_id, submitted_at DESC) WHERE citizen_id IS NOT NULL;
CREATE INDEX requests_open_by_place ON requests_request (service_code, lat, lon) WHERE status NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX requests_resent ON requests_request (client_id, fingerprint, submitted_at DESC) WHERE client_id IS NOT NULL;
CREATE INDEX requests_transfers_waiting ON requests_request (transfer_to_id) WHERE transfer_to_id IS NOT NULL;

-- Everything that happened to a request, in order: the citizen's timeline and the Open311 updates.
CREATE TABLE requests_update (
    id             uuid PRIMARY KEY,
    seq            bigserial NOT NULL,
    request_id     uuid NOT NULL REFERENCES requests_request (id),
    kind           text NOT NULL,
    status         text NOT NULL,
    note           text,
    public         boolean NOT NULL,
    actor_id       uuid,
    department_id  uuid,
    to_department  uuid,
    at             timestamptz NOT NULL
);
CREATE INDEX requests_update_by_request ON requests_update (request_id, seq);
CREATE INDEX requests_update_by_time ON requests_update (at);

CREATE TABLE requests_photo (
    id          uuid PRIMARY KEY,
    request_id  uuid NOT NULL REFERENCES requests_request (id),
    media_type  text NOT NULL,
    bytes       bytea NOT NULL,
    width       integer NOT NULL,
    height      integer NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX requests_photo_by_request ON requests_photo (request_id);

-- One supporter counts once per request ("me too" instead of a duplicate).
CREATE TABLE requests_support (
    request_id  uuid NOT NULL REFERENCES requests_request (id),
    supporter   text NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (request_id, supporter)
);

-- Messages to citizens: sent by SMTP when configured, otherwise kept for the administrator to read.
CREATE TABLE requests_notification (
    id          uuid PRIMARY KEY,
    request_id  uuid NOT NULL REFERENCES requests_request (id),
    recipient   text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX requests_notification_unsent ON requests_notification (created_at) WHERE sent_at IS NULL;
