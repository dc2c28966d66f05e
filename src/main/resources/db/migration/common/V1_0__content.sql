-- Topics, pages, their media, evidence, related pages and revisions.

create sequence topic_seq start with 1 increment by 50;
create table topic (
    id            bigint primary key,
    slug          varchar(80)   not null unique,
    title         varchar(200)  not null,
    description   varchar(2000) not null,
    default_tier  varchar(16)   not null,
    position      integer       not null
);

create sequence page_seq start with 1 increment by 50;
create table page (
    id                      bigint primary key,
    slug                    varchar(120)   not null unique,
    topic_id                bigint         not null references topic (id),
    title                   varchar(200)   not null,
    summary                 varchar(400)   not null,
    body_markdown           varchar(200000) not null,
    body_html               varchar(400000) not null,
    risk_tier               varchar(16)    not null,
    owner                   varchar(120)   not null,
    comment_policy          varchar(16)    not null,
    status                  varchar(16)    not null,
    last_reviewed_on        date,
    next_review_due         date           not null,
    effective_review_due    date           not null,
    reviewed_by_name        varchar(200),
    reviewed_by_profession  varchar(200),
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    published_at            timestamp(6) with time zone,
    publish_at              timestamp(6) with time zone,
    expire_at               timestamp(6) with time zone,
    content_hash            varchar(64)    not null,
    version                 bigint         not null
);
create index page_topic_status_idx on page (topic_id, status);
create index page_effective_due_idx on page (effective_review_due);

create table page_evidence (
    page_id      bigint        not null references page (id) on delete cascade,
    position     integer       not null,
    title        varchar(400)  not null,
    url          varchar(2000) not null,
    publisher    varchar(200),
    accessed_on  date,
    primary key (page_id, position)
);

create table page_related (
    page_id       bigint       not null references page (id) on delete cascade,
    position      integer      not null,
    related_slug  varchar(120) not null,
    primary key (page_id, position)
);

create sequence media_item_seq start with 1 increment by 50;
create table media_item (
    id                bigint primary key,
    page_id           bigint         not null references page (id) on delete cascade,
    position          integer        not null,
    kind              varchar(16)    not null,
    title             varchar(200)   not null,
    src               varchar(2000)  not null,
    alt_text          varchar(1000),
    transcript        varchar(100000),
    last_reviewed_on  date,
    next_review_due   date           not null
);
create index media_item_page_idx on media_item (page_id);
create index media_item_due_idx on media_item (next_review_due);

create sequence page_revision_seq start with 1 increment by 50;
create table page_revision (
    id             bigint primary key,
    page_id        bigint          not null references page (id) on delete cascade,
    number         integer         not null,
    author         varchar(200)    not null,
    created_at     timestamp(6) with time zone not null,
    change_note    varchar(1000)   not null,
    title          varchar(200)    not null,
    summary        varchar(400)    not null,
    body_markdown  varchar(200000) not null,
    content_hash   varchar(64)     not null,
    unique (page_id, number)
);
