-- A member's safety plan (Stanley–Brown), sealed like the journal and shared with the crisis team only by the
-- member's choice; and follow-ups after an incident ("How are you now?"), so a person does not drop out of sight.
-- Everything hangs off accounts with ON DELETE CASCADE: erasing the account removes it all.

-- One plan per member. The plan's sections are one JSON document sealed under the member's self-care key
-- (selfcare_keys, core/selfcare/selfcare.crypto.ts), bound to the field and the plan id: no plaintext here.
create table safety_plans (
  id uuid primary key,
  account_id uuid not null unique references accounts (id) on delete cascade,
  content_enc bytea not null,
  -- The language the member wrote it in (their interface language when saved), for the clinician's screen reader.
  language text not null check (language in ('en', 'pl')),
  -- The member's consent: only while shared_at is set may a clinician working their incident open it.
  shared_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Whether the member wants an email (without any content) when the crisis team checks in on them.
create table crisis_followup_contact (
  account_id uuid primary key references accounts (id) on delete cascade,
  email boolean not null default false,
  updated_at timestamptz not null default now()
);

-- A follow-up chosen when an incident was resolved. From due_at the member is asked "How are you now?"; no answer
-- by due_at + answer_window_minutes re-opens the incident and pages through the ladder again. A sweep
-- (crisis:followup-sweep) moves them on, so no delayed job can be lost.
create table crisis_followups (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  member_account_id uuid not null references accounts (id) on delete cascade,
  created_by uuid references accounts (id) on delete set null,
  due_at timestamptz not null,
  answer_window_minutes integer not null check (answer_window_minutes between 15 and 10080),
  status text not null default 'scheduled' check (status in ('scheduled', 'asked', 'answered', 'missed', 'cancelled')),
  answer text check (answer in ('ok', 'struggling', 'help')),
  asked_at timestamptz,
  answered_at timestamptz,
  missed_at timestamptz,
  email_queued boolean not null default false,
  email_sent_at timestamptz,
  created_at timestamptz not null,
  check ((status = 'answered') = (answer is not null))
);
-- At most one follow-up waiting per incident.
create unique index crisis_followups_one_pending on crisis_followups (incident_id) where status in ('scheduled', 'asked');
create index crisis_followups_due_idx on crisis_followups (due_at) where status in ('scheduled', 'asked');
create index crisis_followups_member_idx on crisis_followups (member_account_id, due_at) where status in ('scheduled', 'asked');

-- The outcome "follow up", and the follow-up's steps in the incident's timeline. The allowed values are extended
-- from whatever the constraint allows now, so values added by other migrations stay allowed.
do $$
declare
  allowed text[];
begin
  select array_agg(distinct m[1]) into allowed
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m
    where c.conname = 'crisis_incidents_outcome_check';
  allowed := array(select distinct unnest(allowed || array['follow_up']) order by 1);
  alter table crisis_incidents drop constraint crisis_incidents_outcome_check;
  execute format('alter table crisis_incidents add constraint crisis_incidents_outcome_check check (outcome = any (%L::text[]))', allowed);

  select array_agg(distinct m[1]) into allowed
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m
    where c.conname = 'crisis_events_kind_check';
  allowed := array(select distinct unnest(allowed || array['followup_scheduled', 'followup_asked', 'followup_answered', 'followup_missed', 'reopened']) order by 1);
  alter table crisis_events drop constraint crisis_events_kind_check;
  execute format('alter table crisis_events add constraint crisis_events_kind_check check (kind = any (%L::text[]))', allowed);
end $$;
