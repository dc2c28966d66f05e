-- A flag keeps what the latest reader who rated the page low said was wrong with it, for the
-- review dashboard and the owner's mail.
alter table rating_flag add column reason varchar(1000);
