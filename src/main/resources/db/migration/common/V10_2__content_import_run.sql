-- One row per content folder imported at start-up: started_at is written before the first page,
-- finished_at after the last. A row without finished_at is an import that was cut off (the node
-- killed mid-way); the next start finishes it. Pages are written in batches of whole pages, so a
-- cut-off import leaves complete pages or none, and the re-run skips the unchanged ones.
create table content_import_run (
    folder      varchar(1000) not null primary key,
    started_at  timestamp     not null,
    finished_at timestamp,
    report      varchar(1000)
);
