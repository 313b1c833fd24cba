-- Session attendance and notes, kept by a group's facilitators after a session (core/sessionnotes, decision 042).

-- What the facilitators recorded for each member of the group at one session. Before anything is saved, the page
-- suggests a status from the video room's attendance (group_attendance); a row here is what a facilitator confirmed.
create table session_attendance (
  session_id uuid not null references group_sessions (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  status text not null check (status in ('present', 'late', 'left_early', 'absent')),
  recorded_by uuid references accounts (id) on delete set null,
  recorded_at timestamptz not null default now(),
  primary key (session_id, account_id)
);
create index session_attendance_account_idx on session_attendance (account_id);

-- One note about the session as a whole (member_account_id null) and at most one about each member. The text is
-- sealed with AES-256-GCM under NOTES_KEY, bound to the session and member (never stored in the clear); key_id names
-- the key that sealed it, so a rotated key still opens older notes (NOTES_KEY_PREVIOUS).
create table session_notes (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references group_sessions (id) on delete cascade,
  member_account_id uuid references accounts (id) on delete cascade,
  key_id text not null check (key_id ~ '^[0-9a-f]{8}$'),
  sealed bytea not null,
  written_by uuid references accounts (id) on delete set null,
  updated_at timestamptz not null default now()
);
create unique index session_notes_session_idx on session_notes (session_id) where member_account_id is null;
create unique index session_notes_member_idx on session_notes (session_id, member_account_id)
  where member_account_id is not null;
create index session_notes_member_account_idx on session_notes (member_account_id) where member_account_id is not null;
