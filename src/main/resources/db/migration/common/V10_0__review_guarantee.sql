-- Reviewed means reviewed: a page's columns hold its live revision; a change to a live page waits
-- as a pending revision with its own workflow status; an approval is a review record pinned to the
-- revision approved; a withdrawal says why; revisions know the revision they were edited from;
-- media items count the versions of their content.
alter table page add column working_revision integer;
alter table page add column latest_revision integer;
alter table page add column live_revision integer;
alter table page add column reviewed_revision integer;
alter table page add column change_status varchar(16) default 'NONE' not null;
alter table page add column approval_id bigint references review_record (id);
alter table page add column withdrawal_reason varchar(16);
alter table page add column withdrawal_note varchar(1000);

update page set latest_revision = coalesce((select max(r.number) from page_revision r where r.page_id = page.id), 1);
update page set working_revision = latest_revision;
update page set live_revision = latest_revision where status in ('PUBLISHED', 'WITHDRAWN');
update page set reviewed_revision = latest_revision
    where last_reviewed_on is not null and status in ('PUBLISHED', 'WITHDRAWN');
update page set withdrawal_reason = 'REVIEW_OVERDUE' where status = 'WITHDRAWN';
alter table page alter column working_revision set not null;
alter table page alter column latest_revision set not null;

alter table page_revision add column parent_number integer;
alter table page_revision add column non_clinical boolean default false not null;
update page_revision set parent_number = number - 1 where number > 1;

alter table media_item add column content_revision integer default 1 not null;

alter table review_record add column media_revision integer;
update review_record set media_revision = 1 where media_item_id is not null;
