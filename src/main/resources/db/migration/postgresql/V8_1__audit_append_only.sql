-- The audit log is append-only in the database itself, whatever the application does.
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
