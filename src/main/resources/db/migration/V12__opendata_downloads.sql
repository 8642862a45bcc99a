-- How often each resource was downloaded (the file, or its datastore CSV/JSON export): one row
-- per resource, incremented in place after the download has been sent.
CREATE TABLE opendata_resource_download (
    resource_id uuid PRIMARY KEY REFERENCES opendata_resource (id) ON DELETE CASCADE,
    downloads   bigint NOT NULL DEFAULT 0
);
