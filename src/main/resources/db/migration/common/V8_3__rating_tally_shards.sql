-- A page's rating counts are kept in several rows (shards) per review cycle instead of one, so
-- concurrent votes on one page update different rows and do not queue behind one row lock until
-- each commit. The summary is the sum of a page's shards; every count stays exact.
create table rating_tally (
    page_id      bigint   not null references page (id) on delete cascade,
    cycle_start  date     not null,
    shard        smallint not null,
    total        integer  not null,
    s1           integer  not null,
    s2           integer  not null,
    s3           integer  not null,
    s4           integer  not null,
    s5           integer  not null,
    primary key (page_id, cycle_start, shard)
);
insert into rating_tally (page_id, cycle_start, shard, total, s1, s2, s3, s4, s5)
    select page_id, cycle_start, 0, total, s1, s2, s3, s4, s5 from rating_summary;
drop table rating_summary;
