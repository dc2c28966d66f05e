-- Rate limits every node sees: a token bucket per action and client (named by a keyed hash, never
-- a raw address or reader id), refilled and taken from by one atomic upsert. A row left alone for
-- a whole window is full again, the same as no row, and is purged.
create table rate_limit (
    bucket       varchar(64)      primary key,
    tokens       double precision not null,
    refilled_at  bigint           not null,
    granted      boolean          not null
);
create index rate_limit_refilled_idx on rate_limit (refilled_at);

-- Readers' reports and ratings carry a keyed hash of the network address they came from, so that
-- what counts distinct people (comments hidden by reports, the low-rating flag) can count distinct
-- addresses as well as distinct cookies. Older rows have none.
alter table comment_report add column address_hash varchar(64);
create index comment_report_address_idx on comment_report (comment_id, address_hash);
alter table rating add column address_hash varchar(64);
