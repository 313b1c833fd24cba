-- Groups: facilitator profiles (licence verified by an admin), recurring therapist-led groups, membership with a
-- waitlist, materialized sessions on LiveKit, the lobby, attendance from LiveKit webhooks, and reminders.

-- The member's own time zone (IANA name): every session time is shown in it.
alter table accounts add column time_zone text not null default 'UTC' check (time_zone ~ '^[A-Za-z0-9_+/-]{1,64}$');

create table facilitator_profiles (
  account_id uuid primary key references accounts (id) on delete cascade,
  display_name text not null check (length(display_name) between 2 and 80),
  education text not null default '' check (length(education) <= 1000),
  experience text not null default '' check (length(experience) <= 2000),
  approach text not null default '' check (length(approach) <= 2000),
  languages text[] not null default '{}' check (languages <@ array['en', 'pl']::text[]),
  licence_number text not null check (length(licence_number) between 2 and 80),
  licence_jurisdiction text not null check (length(licence_jurisdiction) between 2 and 120),
  updated_at timestamptz not null default now(),
  -- Set by an admin; cleared whenever the licence number or jurisdiction changes.
  verified_at timestamptz,
  verified_by uuid references accounts (id) on delete set null,
  check (verified_by is null or verified_at is not null)
);

create table groups (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 3 and 120),
  description text not null default '' check (length(description) <= 2000),
  topic text not null check (length(topic) between 2 and 80),
  language text not null check (language in ('en', 'pl')),
  facilitator_id uuid not null references accounts (id),
  co_facilitator_id uuid references accounts (id),
  capacity integer not null default 8 check (capacity between 2 and 30),
  -- RFC 5545 RRULE (without DTSTART), expanded from first_start_local as wall time in time_zone.
  rrule text not null check (length(rrule) between 9 and 300),
  time_zone text not null check (time_zone ~ '^[A-Za-z0-9_+/-]{1,64}$'),
  first_start_local timestamp not null,
  duration_minutes integer not null check (duration_minutes between 15 and 240),
  intake_question text not null check (length(intake_question) between 5 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (co_facilitator_id is null or co_facilitator_id <> facilitator_id)
);
create index groups_facilitator_idx on groups (facilitator_id);
create index groups_co_facilitator_idx on groups (co_facilitator_id) where co_facilitator_id is not null;

create table group_members (
  group_id uuid not null references groups (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  status text not null check (status in ('requested', 'approved', 'declined', 'waitlisted', 'left')),
  intake_answer text not null check (length(intake_answer) between 1 and 2000),
  -- The name others see in this group only.
  pseudonym text not null check (length(pseudonym) between 2 and 40),
  requested_at timestamptz not null default now(),
  -- Waitlist order: first in, first promoted.
  waitlisted_at timestamptz,
  decided_at timestamptz,
  primary key (group_id, account_id),
  check ((status = 'waitlisted') = (waitlisted_at is not null))
);
create unique index group_members_pseudonym_idx on group_members (group_id, lower(pseudonym));
create index group_members_account_idx on group_members (account_id);
create index group_members_waitlist_idx on group_members (group_id, waitlisted_at) where status = 'waitlisted';

-- Occurrences, materialized ahead from the group's rule. occurrence_at is the slot the rule produced, so a
-- moved session keeps its slot and re-materializing never creates it again.
create table group_sessions (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  occurrence_at timestamptz not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'moved', 'live', 'ended')),
  -- Opaque LiveKit room name, created through RoomService before anyone gets a token.
  livekit_room text not null unique default ('hs_' || replace(gen_random_uuid()::text, '-', '')),
  room_created_at timestamptz,
  ended_at timestamptz,
  -- The group chat beside the video (chat engine); wired later.
  chat_room_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (group_id, occurrence_at),
  check (ends_at > starts_at)
);
create index group_sessions_group_starts_idx on group_sessions (group_id, starts_at);
create index group_sessions_starts_idx on group_sessions (starts_at) where status in ('scheduled', 'moved');

-- One row per person per session. id is the opaque identity given to LiveKit.
create table group_session_participants (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references group_sessions (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  role text not null check (role in ('facilitator', 'member')),
  state text not null default 'lobby' check (state in ('lobby', 'admitted', 'removed')),
  mode text not null default 'video' check (mode in ('video', 'audio', 'chat')),
  muted boolean not null default false,
  entered_at timestamptz not null default now(),
  admitted_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (session_id, account_id)
);

-- Who was in the LiveKit room when, from signed webhooks.
create table group_attendance (
  id bigserial primary key,
  session_id uuid not null references group_sessions (id) on delete cascade,
  participant_id uuid not null references group_session_participants (id) on delete cascade,
  joined_at timestamptz not null,
  left_at timestamptz
);
create index group_attendance_session_idx on group_attendance (session_id, participant_id);

-- Every accepted webhook event id, so a replayed one is refused.
create table livekit_webhook_events (
  event_id text primary key check (length(event_id) between 1 and 100),
  event text not null,
  received_at timestamptz not null default now()
);

-- One reminder job per session, kind and start time it was computed for (a moved session gets new ones).
create table group_reminders (
  session_id uuid not null references group_sessions (id) on delete cascade,
  kind text not null check (kind in ('24h', '15m')),
  starts_at timestamptz not null,
  scheduled_at timestamptz not null default now(),
  primary key (session_id, kind, starts_at)
);

-- One delivery per person per reminder, so a retried job never reminds twice.
create table group_reminder_deliveries (
  session_id uuid not null references group_sessions (id) on delete cascade,
  kind text not null,
  starts_at timestamptz not null,
  account_id uuid not null references accounts (id) on delete cascade,
  sent_at timestamptz not null default now(),
  primary key (session_id, kind, starts_at, account_id)
);
