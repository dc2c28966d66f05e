-- Rate limits are counts of the last minute, read and changed by every public write. Written to
-- the WAL, each change waits for a flush to disk while it holds its bucket's row, so every request
-- from one address (many readers behind one proxy) would queue behind the one before it. Unlogged,
-- a change commits without a flush; after a crash the table starts empty, every bucket full, which
-- is what a minute without requests gives anyway. Standbys do not have it: a promoted one starts
-- with full buckets too.
alter table rate_limit set unlogged;
