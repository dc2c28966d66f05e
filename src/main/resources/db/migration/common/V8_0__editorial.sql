-- Each revision keeps the whole page as its content file reads (front matter and body), so any two
-- revisions can be compared line by line, media and sources included.
alter table page_revision add column document varchar(400000);

-- The audit log: one row per editorial action, never changed or deleted.
create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id           bigint primary key,
    occurred_at  timestamp(6) with time zone not null,
    actor        varchar(200)  not null,
    action       varchar(100)  not null,
    subject_type varchar(50)   not null,
    subject      varchar(200)  not null,
    before_state varchar(400000),
    after_state  varchar(400000)
);
create index audit_entry_time_idx on audit_entry (occurred_at);
create index audit_entry_subject_idx on audit_entry (subject_type, subject);
create index audit_entry_actor_idx on audit_entry (actor);
