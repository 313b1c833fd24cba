-- Chat: room settings, per-room memberships under pseudonyms, messages in a gapless per-room order,
-- the originals of edited and deleted messages, personal mutes.

alter table rooms
  add column slow_mode_seconds integer not null default 0 check (slow_mode_seconds between 0 and 3600),
  add column locked boolean not null default false,
  add column rules_version integer not null default 1 check (rules_version >= 1),
  -- The last message sequence number handed out in this room (see messages.seq).
  add column last_seq integer not null default 0;

-- One row per account per room it has entered. The pseudonym is the only name peers ever see;
-- the id is the opaque "member handle" peers receive (never the account id).
create table room_memberships (
  id uuid primary key default gen_random_uuid(),
  room_id uuid not null references rooms (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  pseudonym text not null check (char_length(pseudonym) between 2 and 32),
  rules_version_accepted integer not null,
  rules_accepted_at timestamptz not null,
  last_read_seq integer not null default 0,
  created_at timestamptz not null default now(),
  unique (room_id, account_id)
);
create unique index room_memberships_pseudonym_idx on room_memberships (room_id, lower(pseudonym));
create index room_memberships_account_idx on room_memberships (account_id);

-- seq (integer: two billion messages per room) is assigned inside the sending transaction from rooms.last_seq (row-locked), so it is gapless per
-- room and commit order equals seq order. client_id makes a resent message a no-op.
create table messages (
  id uuid primary key default gen_random_uuid(),
  room_id uuid not null references rooms (id) on delete cascade,
  membership_id uuid not null references room_memberships (id) on delete cascade,
  client_id uuid not null,
  seq integer not null,
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  unique (membership_id, client_id),
  unique (room_id, seq)
);

-- Every version a member replaced or deleted, kept for moderation and audit; never shown to peers.
create table message_revisions (
  id bigserial primary key,
  message_id uuid not null references messages (id) on delete cascade,
  kind text not null check (kind in ('edit', 'delete')),
  body text not null,
  created_at timestamptz not null default now()
);
create index message_revisions_message_idx on message_revisions (message_id);

-- How far each room's messages have been announced. The announcer holds this row's lock while it
-- publishes, so announcements leave in seq order whichever server process sends them.
create table room_broadcast_cursors (
  room_id uuid primary key references rooms (id) on delete cascade,
  broadcast_seq integer not null default 0
);

-- "Mute this pseudonym": hides someone for the muting member only.
create table member_mutes (
  membership_id uuid not null references room_memberships (id) on delete cascade,
  muted_membership_id uuid not null references room_memberships (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (membership_id, muted_membership_id),
  check (membership_id <> muted_membership_id)
);
