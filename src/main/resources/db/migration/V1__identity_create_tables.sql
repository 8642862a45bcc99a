-- Organisations carry X-Road-style identifiers INSTANCE/CLASS/CODE[/SUBSYSTEM].
CREATE TABLE identity_organisation (
    id            uuid PRIMARY KEY,
    instance      text NOT NULL,
    member_class  text NOT NULL,
    member_code   text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('DEPARTMENT', 'ENTERPRISE', 'SOCIAL_ORGANISATION')),
    name_zh       text NOT NULL,
    name_en       text NOT NULL,
    district_code text,
    created_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 0,
    UNIQUE (instance, member_class, member_code)
);

CREATE TABLE identity_account (
    id              uuid PRIMARY KEY,
    username        text NOT NULL,
    display_name    text NOT NULL,
    password_hash   text NOT NULL,
    organisation_id uuid REFERENCES identity_organisation (id),
    enabled         boolean NOT NULL DEFAULT true,
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX identity_account_username ON identity_account (lower(username));

CREATE TABLE identity_account_role (
    account_id uuid NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('CITIZEN', 'STAFF', 'DEPARTMENT_ADMIN', 'AUDITOR', 'PLATFORM_ADMIN')),
    PRIMARY KEY (account_id, role)
);

-- Machine clients: only a SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE identity_api_token (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES identity_organisation (id),
    name            text NOT NULL,
    token_hash      text NOT NULL UNIQUE,
    token_hint      text NOT NULL,
    created_by      uuid NOT NULL REFERENCES identity_account (id),
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);

-- Administrative districts of the city, with their boundary as a GeoJSON polygon.
CREATE TABLE identity_district (
    code     text PRIMARY KEY,
    name_zh  text NOT NULL,
    name_en  text NOT NULL,
    boundary jsonb NOT NULL
);

CREATE TABLE identity_setup (
    key   text PRIMARY KEY,
    value text NOT NULL
);
