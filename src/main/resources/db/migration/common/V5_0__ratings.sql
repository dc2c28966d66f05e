-- Reader ratings: one row per reader, page and review cycle; a summary row per page and cycle
-- kept exact by atomic updates; and the flag raised once per cycle when readers' ratings fall.

create sequence rating_seq start with 1 increment by 50;
create table rating (
    id           bigint primary key,
    page_id      bigint        not null references page (id) on delete cascade,
    cycle_start  date          not null,
    reader_id    varchar(40)   not null,
    stars        smallint      not null check (stars between 1 and 5),
    feedback     varchar(1000),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    unique (page_id, cycle_start, reader_id)
);
create index rating_recent_idx on rating (page_id, cycle_start, updated_at);

create table rating_summary (
    page_id      bigint  not null references page (id) on delete cascade,
    cycle_start  date    not null,
    total        integer not null,
    s1           integer not null,
    s2           integer not null,
    s3           integer not null,
    s4           integer not null,
    s5           integer not null,
    primary key (page_id, cycle_start)
);

create table rating_flag (
    page_id      bigint  not null references page (id) on delete cascade,
    cycle_start  date    not null,
    flagged_at   timestamp(6) with time zone not null,
    low_share    integer not null,
    primary key (page_id, cycle_start)
);
