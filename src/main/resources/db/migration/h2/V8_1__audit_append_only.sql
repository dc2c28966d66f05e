-- H2 has no procedural triggers without Java classes on its class path: the application maps the
-- audit entry as immutable and offers no way to change or delete one.
select 1;
