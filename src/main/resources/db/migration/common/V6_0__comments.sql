-- Readers' comments, their reports, the moderation log and the notices moderation sends.

create sequence reader_comment_seq start with 1 increment by 50;
create table reader_comment (
    id                    bigint primary key,
    page_id               bigint        not null references page (id) on delete cascade,
    parent_id             bigint        references reader_comment (id) on delete cascade,
    author_name           varchar(200)  not null,
    author_email          varchar(254),
    body                  varchar(8000) not null,
    body_hash             varchar(64)   not null,
    reader_id             varchar(64)   not null,
    status                varchar(16)   not null,
    screen_reasons        varchar(400)  not null,
    screen_notes          varchar(2000),
    urgent                boolean       not null,
    created_at            timestamp(6) with time zone not null,
    decided_at            timestamp(6) with time zone,
    decided_by            varchar(60),
    rejection_reason      varchar(40),
    moderator_approved    boolean       not null,
    reports_since_review  integer       not null,
    version               bigint        not null
);
create index reader_comment_page_status_idx on reader_comment (page_id, status, created_at);
create index reader_comment_status_idx on reader_comment (status, created_at);
create index reader_comment_reader_idx on reader_comment (reader_id, created_at);
create index reader_comment_parent_idx on reader_comment (parent_id);

create sequence comment_report_seq start with 1 increment by 50;
create table comment_report (
    id          bigint primary key,
    comment_id  bigint        not null references reader_comment (id) on delete cascade,
    reader_id   varchar(64)   not null,
    reason      varchar(32)   not null,
    note        varchar(2000),
    created_at  timestamp(6) with time zone not null,
    unique (comment_id, reader_id)
);
create index comment_report_created_idx on comment_report (created_at);

-- append-only: rows are added, never changed
create sequence moderation_log_seq start with 1 increment by 50;
create table moderation_log (
    id             bigint primary key,
    comment_id     bigint        not null,
    page_slug      varchar(120)  not null,
    action         varchar(32)   not null,
    actor          varchar(60)   not null,
    status_before  varchar(16),
    status_after   varchar(16)   not null,
    reason         varchar(400),
    note           varchar(2000),
    created_at     timestamp(6) with time zone not null
);
create index moderation_log_comment_idx on moderation_log (comment_id, created_at);
create index moderation_log_created_idx on moderation_log (created_at);

-- e-mails moderation wants sent (alerts, decisions, digests), waiting for delivery
create sequence moderation_notice_seq start with 1 increment by 50;
create table moderation_notice (
    id           bigint primary key,
    kind         varchar(32)    not null,
    recipient    varchar(254)   not null,
    subject      varchar(400)   not null,
    body         varchar(20000) not null,
    comment_id   bigint,
    digest_day   date,
    created_at   timestamp(6) with time zone not null,
    unique (kind, recipient, digest_day)
);
create index moderation_notice_created_idx on moderation_notice (created_at);
