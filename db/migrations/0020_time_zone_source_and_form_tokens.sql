-- Where the account's time zone came from: 'default' (UTC, nothing known yet), 'browser' (taken from the browser
-- on a visit; app/utils/time.server.ts) or 'member' (chosen in the settings). Only a 'default' zone is replaced by
-- the browser's, so a member's own choice is never overwritten. Accounts whose zone is not UTC chose it.
alter table accounts add column time_zone_source text not null default 'default'
  check (time_zone_source in ('default', 'browser', 'member'));
update accounts set time_zone_source = 'member' where time_zone <> 'UTC';

-- The one-time token of the form that set the homework: pressing the button again (or reloading after the post)
-- sends the same token and sets nothing twice.
alter table homework add column form_token uuid;
create unique index homework_form_token_idx on homework (group_id, form_token) where form_token is not null;
