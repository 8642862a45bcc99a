-- Open data portal: datasets published by departments and their resources (files or links).
-- The name is the public identifier (CKAN's URL slug); the id is what CKAN clients see as "id".
CREATE TABLE opendata_dataset (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
    title_zh            text NOT NULL CHECK (char_length(title_zh) BETWEEN 1 AND 300),
    title_en            text NOT NULL CHECK (char_length(title_en) BETWEEN 1 AND 300),
    description_zh      text NOT NULL CHECK (char_length(description_zh) BETWEEN 1 AND 10000),
    description_en      text NOT NULL CHECK (char_length(description_en) BETWEEN 1 AND 10000),
    theme               text NOT NULL,
    keywords            text[] NOT NULL DEFAULT '{}',
    licence             text NOT NULL,
    publisher_id        uuid NOT NULL,
    contact_name        text NOT NULL,
    contact_email       text NOT NULL,
    temporal_start      date,
    temporal_end        date,
    spatial             text,
    frequency           text NOT NULL,
    open_level          text NOT NULL CHECK (open_level IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_OPEN')),
    catalogue_code      text,
    -- DRAFT until the department publishes it; only PUBLISHED datasets that are open appear in public
    state               text NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_at          timestamptz NOT NULL,
    modified_at         timestamptz NOT NULL,
    published_at        timestamptz,
    version             integer NOT NULL DEFAULT 0
);
-- harvesters page by modification time; the DCAT catalogue and package_list by name
CREATE INDEX opendata_dataset_modified ON opendata_dataset (modified_at, id);
CREATE INDEX opendata_dataset_publisher ON opendata_dataset (publisher_id);
-- the DCAT catalogue and current_package_list_with_resources page through public datasets, newest change first
CREATE INDEX opendata_dataset_public_modified ON opendata_dataset (modified_at DESC, id)
    WHERE state = 'PUBLISHED' AND open_level <> 'NOT_OPEN';

CREATE TABLE opendata_resource (
    id                  uuid PRIMARY KEY,
    dataset_id          uuid NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
    position            integer NOT NULL,
    name                text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 300),
    description         text NOT NULL DEFAULT '',
    -- FILE: uploaded and stored by us; LINK: an API or file somewhere else
    kind                text NOT NULL CHECK (kind IN ('FILE', 'LINK')),
    format              text NOT NULL,
    media_type          text,
    url                 text,
    file_name           text,
    storage_key         text,
    byte_size           bigint,
    sha256              text,
    created_at          timestamptz NOT NULL,
    modified_at         timestamptz NOT NULL,
    UNIQUE (dataset_id, position)
);
CREATE INDEX opendata_resource_dataset ON opendata_resource (dataset_id);
