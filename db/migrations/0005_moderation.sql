-- Moderation: which facilitators look after which rooms, a message's moderation state, flags (one open
-- flag per message, fed by reports, screens and facilitators), reports (one per reporter per message),
-- sanctions (warnings, mutes, room bans) and appeals. Every action is also written to audit_log (0003).

create table room_facilitators (
  room_id uuid not null references rooms (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  assigned_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (room_id, account_id)
);
create index room_facilitators_account_idx on room_facilitators (account_id);

-- held: stored, never shown to peers until a facilitator releases it; hidden: taken off peers' screens,
-- kept for the appeal window; removed: taken down for good (the text stays for the appeal and the audit).
alter table messages
  add column moderation_status text not null default 'visible'
    check (moderation_status in ('visible', 'held', 'hidden', 'removed')),
  add column moderated_at timestamptz,
  add column moderated_by uuid references accounts (id) on delete set null;
-- The sender's recent messages (spam screening) and a member's history for the queue.
create index messages_membership_seq_idx on messages (membership_id, seq desc);

create table moderation_flags (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references messages (id) on delete cascade,
  room_id uuid not null references rooms (id) on delete cascade,
  -- The membership whose message it is (never shown to peers; the queue shows its pseudonym).
  membership_id uuid not null references room_memberships (id) on delete cascade,
  source text not null check (source in ('report', 'screen', 'facilitator')),
  category text not null check (category in ('harassment', 'spam', 'privacy', 'self_harm', 'other')),
  -- Screen rule ids (never message text).
  signals text[] not null default '{}',
  -- The screen's reason code when a screen opened it (e.g. 'slur', 'self_harm_method').
  screen_reason text check (screen_reason ~ '^[a-z_]{1,40}$'),
  held boolean not null default false,
  status text not null default 'open' check (status in ('open', 'dismissed', 'actioned')),
  priority integer not null default 0 check (priority between 0 and 1000),
  deadline_at timestamptz not null,
  -- The deadline a moderation:deadline job was last enqueued for (an earlier deadline enqueues again).
  deadline_job_at timestamptz,
  -- 0: within the deadline; 1: facilitators re-notified; 2: raised to admins.
  escalation_stage integer not null default 0 check (escalation_stage between 0 and 2),
  owner_account_id uuid references accounts (id) on delete set null,
  auto_hidden_at timestamptz,
  scored_at timestamptz,
  created_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by uuid references accounts (id) on delete set null
);
create unique index moderation_flags_open_message_idx on moderation_flags (message_id) where status = 'open';
create index moderation_flags_queue_idx on moderation_flags (room_id, status, priority desc, created_at);

create table moderation_reports (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references messages (id) on delete cascade,
  reporter_membership_id uuid not null references room_memberships (id) on delete cascade,
  flag_id uuid not null references moderation_flags (id) on delete cascade,
  category text not null check (category in ('harassment', 'spam', 'privacy', 'self_harm', 'other')),
  note text not null default '' check (length(note) <= 500),
  by_facilitator boolean not null default false,
  created_at timestamptz not null,
  -- A member reports a message once.
  unique (message_id, reporter_membership_id)
);
create index moderation_reports_flag_idx on moderation_reports (flag_id);
create index moderation_reports_reporter_idx on moderation_reports (reporter_membership_id);

create table moderation_sanctions (
  id uuid primary key default gen_random_uuid(),
  room_id uuid not null references rooms (id) on delete cascade,
  membership_id uuid not null references room_memberships (id) on delete cascade,
  kind text not null check (kind in ('warning', 'mute', 'ban')),
  reason text not null default '' check (length(reason) <= 500),
  flag_id uuid references moderation_flags (id) on delete set null,
  message_id uuid references messages (id) on delete set null,
  -- null: applied by the penalty ladder on a facilitator's warning (the warning's actor is audited).
  actor_account_id uuid references accounts (id) on delete set null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  ended_early_at timestamptz,
  ended_by uuid references accounts (id) on delete set null,
  check (ends_at > starts_at)
);
create index moderation_sanctions_member_idx on moderation_sanctions (membership_id, kind, ends_at desc);

-- A member appeals a mute, a ban or a removed message once.
create table moderation_appeals (
  id uuid primary key default gen_random_uuid(),
  room_id uuid not null references rooms (id) on delete cascade,
  membership_id uuid not null references room_memberships (id) on delete cascade,
  sanction_id uuid unique references moderation_sanctions (id) on delete cascade,
  message_id uuid unique references messages (id) on delete cascade,
  body text not null check (length(body) between 1 and 1000),
  status text not null default 'pending' check (status in ('pending', 'upheld', 'overturned')),
  -- Who took the appealed action; the decider must be someone else.
  original_actor_id uuid references accounts (id) on delete set null,
  decided_by uuid references accounts (id) on delete set null,
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 1000),
  created_at timestamptz not null,
  check ((sanction_id is null) <> (message_id is null)),
  check (decided_by is null or original_actor_id is null or decided_by <> original_actor_id)
);
create index moderation_appeals_pending_idx on moderation_appeals (room_id) where status = 'pending';
