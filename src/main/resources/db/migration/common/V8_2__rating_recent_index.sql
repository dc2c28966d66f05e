-- The feedback trigger reads a page's latest ratings in (updated_at, id) order on every vote. With
-- id in the index that read stops after the window, instead of sorting every rating of the page.
drop index rating_recent_idx;
create index rating_recent_idx on rating (page_id, cycle_start, updated_at, id);
