-- The datastore: each loaded resource's rows live in a table of their own in the schema
-- "datastore", named from the resource id and a random suffix (never from user input), with
-- generated column names c0, c1, ... . This registry says which table is current and what its
-- columns are called; replacing a load swaps the row here and drops the old table in one transaction.
CREATE SCHEMA IF NOT EXISTS datastore;

CREATE TABLE datastore_table (
    resource_id    uuid PRIMARY KEY,
    table_name     text NOT NULL UNIQUE CHECK (table_name ~ '^t_[0-9a-f]{32}_[0-9a-f]{8}$'),
    -- one entry per column, in file order: the query id, the header as written, the inferred type
    column_ids     text[] NOT NULL,
    column_labels  text[] NOT NULL,
    column_types   text[] NOT NULL,
    row_count      bigint NOT NULL CHECK (row_count >= 0),
    file_name      text NOT NULL,
    sha256         text NOT NULL,
    loaded_at      timestamptz NOT NULL
);
