-- Several requests of one client can be counted against its bucket by one statement: the row
-- keeps how many of them the last statement found tokens for.
alter table rate_limit add column taken integer default 0 not null;
