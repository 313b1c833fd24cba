-- Self-care, private to the member: a journal and mood notes sealed under a per-member key, mood check-ins,
-- goals (optionally agreed with the facilitator of one of the member's groups), a daily reminder preference,
-- and the member's "yes, tell a clinician" answers after a crisis-level entry. Everything hangs off accounts with
-- ON DELETE CASCADE: erasing the account removes it all, and removing the wrapped key crypto-shreds any copy of
-- the ciphertext (a backup) at the same time.

-- The member's 256-bit data key, wrapped (AES-256-GCM) with the app key, the account id as additional data.
create table selfcare_keys (
  account_id uuid primary key references accounts (id) on delete cascade,
  wrapped_key bytea not null,
  created_at timestamptz not null default now()
);

-- Ciphertext only; the entry id is bound into each ciphertext, so a sealed body moved onto another row fails.
create table journal_entries (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  title_enc bytea,
  body_enc bytea not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index journal_entries_account_idx on journal_entries (account_id, created_at desc);

create table mood_checkins (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  score smallint not null check (score between 1 and 10),
  feelings text[] not null default '{}' check (cardinality(feelings) <= 24),
  note_enc bytea,
  -- The member's own calendar day when it was made (their time zone then): the daily limit and the chart use it.
  local_date date not null,
  created_at timestamptz not null default now()
);
create index mood_checkins_account_idx on mood_checkins (account_id, created_at desc);
create index mood_checkins_account_day_idx on mood_checkins (account_id, local_date);

create table selfcare_goals (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  title text not null check (length(title) between 1 and 120),
  why text not null default '' check (length(why) <= 1000),
  status text not null default 'active' check (status in ('active', 'completed', 'archived')),
  -- "Agreed with the facilitator of this group": only then may that group's facilitators read the goal.
  group_id uuid references groups (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index selfcare_goals_account_idx on selfcare_goals (account_id, created_at);
create index selfcare_goals_group_idx on selfcare_goals (group_id) where group_id is not null;

create table selfcare_goal_steps (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references selfcare_goals (id) on delete cascade,
  position integer not null,
  text text not null check (length(text) between 1 and 200),
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index selfcare_goal_steps_goal_idx on selfcare_goal_steps (goal_id, position);

create table selfcare_goal_checkins (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references selfcare_goals (id) on delete cascade,
  note text not null check (length(note) between 1 and 1000),
  -- "How it's going", 1–5, optional.
  rating smallint check (rating between 1 and 5),
  checked_on date not null,
  created_at timestamptz not null default now()
);
create index selfcare_goal_checkins_goal_idx on selfcare_goal_checkins (goal_id, checked_on desc);

-- A daily mood check-in reminder at a local time (null: off). email_queued_on / email_sent_on hold the member's
-- local date of the last email, so two sweeps or a retried job never remind twice on one day.
create table selfcare_reminders (
  account_id uuid primary key references accounts (id) on delete cascade,
  daily_at time,
  email boolean not null default false,
  email_queued_on date,
  email_sent_on date,
  updated_at timestamptz not null default now()
);
create index selfcare_reminders_email_idx on selfcare_reminders (account_id) where daily_at is not null and email;

-- The member said yes to "would you like a clinician to contact you?" after this entry: one incident per entry,
-- however often the yes is sent. No text of the entry is kept here.
create table selfcare_support_requests (
  entry_kind text not null check (entry_kind in ('journal', 'mood')),
  entry_id uuid not null,
  account_id uuid not null references accounts (id) on delete cascade,
  incident_id uuid,
  created_at timestamptz not null default now(),
  primary key (entry_kind, entry_id)
);
create index selfcare_support_requests_account_idx on selfcare_support_requests (account_id);
