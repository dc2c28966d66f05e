-- The media library: files uploaded by editors, stored by content hash (SHA-256) in the media
-- store, described here. One row per distinct file; a page uses an item by its public address.

create sequence library_item_seq start with 1 increment by 50;
create table library_item (
    id                 bigint primary key,
    content_hash       varchar(64)     not null unique,
    file_type          varchar(16)     not null,
    original_name      varchar(200)    not null,
    size_bytes         bigint          not null,
    title              varchar(200)    not null,
    alt_text           varchar(1000),
    decorative         boolean         not null,
    transcript         varchar(100000),
    captions_hash      varchar(64),
    width              integer,
    height             integer,
    rendition_widths   varchar(100)    not null,
    uploaded_by        varchar(200)    not null,
    uploaded_at        timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            bigint          not null
);
create index library_item_uploaded_idx on library_item (uploaded_at);
create index library_item_captions_idx on library_item (captions_hash);
