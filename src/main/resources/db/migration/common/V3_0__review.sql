-- Review records, reminders, the notification outbox and the record of scheduled job runs.

create sequence review_record_seq start with 1 increment by 50;
create table review_record (
    id                   bigint primary key,
    page_id              bigint        not null references page (id) on delete cascade,
    media_item_id        bigint        references media_item (id) on delete set null,
    subject_title        varchar(200)  not null,
    kind                 varchar(16)   not null,
    reviewer_username    varchar(60)   not null,
    reviewer_name        varchar(120)  not null,
    reviewer_profession  varchar(120),
    registration_number  varchar(60),
    scope_notes          varchar(4000),
    revision_number      integer       not null,
    content_sha256       varchar(64)   not null,
    reviewed_on          date          not null,
    next_review_due      date,
    recorded_at          timestamp(6) with time zone not null
);
create index review_record_page_idx on review_record (page_id, recorded_at);

-- One row per (page, review cycle, ladder stage): the unique key is what makes a reminder
-- happen at most once, whatever re-runs, restarts or second nodes do.
create sequence review_reminder_seq start with 1 increment by 50;
create table review_reminder (
    id               bigint primary key,
    page_id          bigint       not null references page (id) on delete cascade,
    cycle_due        date         not null,
    stage            varchar(16)  not null,
    owner            varchar(120) not null,
    created_at       timestamp(6) with time zone not null,
    notification_id  bigint,
    unique (page_id, cycle_due, stage)
);
create index review_reminder_pending_idx on review_reminder (notification_id, owner);

create sequence notification_seq start with 1 increment by 50;
create table notification (
    id               bigint primary key,
    dedupe_key       varchar(200)  not null unique,
    kind             varchar(40)   not null,
    recipient        varchar(254)  not null,
    subject          varchar(300)  not null,
    body             varchar(100000) not null,
    status           varchar(16)   not null,
    attempts         integer       not null,
    created_at       timestamp(6) with time zone not null,
    next_attempt_at  timestamp(6) with time zone not null,
    sent_at          timestamp(6) with time zone,
    last_error       varchar(1000)
);
create index notification_due_idx on notification (status, next_attempt_at);

create sequence job_run_seq start with 1 increment by 50;
create table job_run (
    id           bigint primary key,
    job          varchar(60)   not null,
    node         varchar(120)  not null,
    started_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone,
    outcome      varchar(16)   not null,
    items        integer       not null,
    message      varchar(1000)
);
create index job_run_job_idx on job_run (job, started_at);
