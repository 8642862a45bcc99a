-- Sharing applications: a consumer department asks a provider for a catalogue resource's data items;
-- the provider approves, narrows or refuses within a number of working days, after which the
-- application escalates to the data authority. An approved application becomes an agreement.
CREATE TABLE exchange_application (
    id                 uuid PRIMARY KEY,
    -- the form's one-time key: a second submission of the same form finds the first application
    submission_key     text NOT NULL CHECK (char_length(submission_key) BETWEEN 1 AND 64),
    submitted_by       text NOT NULL,
    consumer           text NOT NULL,
    consumer_member    text NOT NULL,
    provider_member    text NOT NULL,
    resource_code      text NOT NULL,
    service_id         text,
    purpose            text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 1000),
    legal_basis        text NOT NULL CHECK (char_length(legal_basis) BETWEEN 1 AND 1000),
    data_items         text[] NOT NULL,
    valid_until        date NOT NULL,
    calls_per_minute   integer NOT NULL CHECK (calls_per_minute > 0),
    tracker_delay_days integer NOT NULL DEFAULT 0 CHECK (tracker_delay_days >= 0),
    delay_basis        text NOT NULL DEFAULT '' CHECK (char_length(delay_basis) <= 1000),
    status             text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    narrowed           boolean NOT NULL DEFAULT false,
    approved_items     text[],
    approved_until     date,
    decision_reason    text CHECK (decision_reason IS NULL OR char_length(decision_reason) <= 1000),
    agreement_id       uuid,
    submitted_at       timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    escalated_at       timestamptz,
    decided_at         timestamptz,
    decided_by         text,
    version            integer NOT NULL DEFAULT 0,
    UNIQUE (submitted_by, submission_key)
);
CREATE INDEX exchange_application_by_consumer ON exchange_application (consumer_member, submitted_at DESC);
CREATE INDEX exchange_application_by_provider ON exchange_application (provider_member, status, due_at);
CREATE INDEX exchange_application_pending ON exchange_application (due_at) WHERE status = 'PENDING';
CREATE INDEX exchange_application_refused ON exchange_application (decided_at DESC) WHERE status = 'REFUSED';

-- The data authority oversees sharing (overdue applications, refusals, every agreement): a new role.
ALTER TABLE identity_account_role DROP CONSTRAINT identity_account_role_role_check;
ALTER TABLE identity_account_role ADD CONSTRAINT identity_account_role_role_check
    CHECK (role IN ('CITIZEN', 'STAFF', 'DEPARTMENT_ADMIN', 'AUDITOR', 'PLATFORM_ADMIN', 'DATA_AUTHORITY'));
