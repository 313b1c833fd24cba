-- Retention (core/retention, docs/privacy.md): a message's text can be purged while its row (seq, author,
-- times) stays, and the storage keys of deleted library files wait here until the daily purge deletes the objects.

alter table messages alter column body drop not null;
-- When the text was purged (deleted by its author, hidden or removed, past the grace or appeal window).
alter table messages add column purged_at timestamptz;
alter table messages add constraint messages_body_purged_check check ((body is null) = (purged_at is not null));
-- Text still kept of deleted, hidden or removed messages: what the purge looks at.
create index messages_text_due_idx on messages (coalesce(deleted_at, moderated_at))
  where body is not null and (deleted_at is not null or moderation_status in ('hidden', 'removed'));
create index messages_created_idx on messages (created_at);
create index crisis_incidents_resolved_idx on crisis_incidents (resolved_at) where status = 'resolved';
create index crisis_signals_message_idx on crisis_signals (message_id) where message_id is not null;

-- Uploaded files whose library row is gone (the resource, its group or the account that added it was deleted).
-- No foreign keys: the row that pointed at the object no longer exists.
create table storage_deletions (
  storage_key text primary key check (storage_key ~ '^[a-z0-9/]{16,80}$'),
  queued_at timestamptz not null default now()
);

create function library_resources_queue_file_deletion() returns trigger language plpgsql as $$
begin
  if old.storage_key is not null then
    insert into storage_deletions (storage_key) values (old.storage_key) on conflict do nothing;
  end if;
  return old;
end $$;
create trigger library_resources_file_deleted after delete on library_resources
  for each row execute function library_resources_queue_file_deletion();
