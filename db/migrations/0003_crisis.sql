-- Crisis: incidents, signals, paging, on-call schedules, escalation policies, webhook deliveries,
-- alarms; and the append-only, hash-chained audit log (core/audit), shared with moderation.

-- Audit log. Rows are chained: hash = sha256(prev_hash || canonical row) (core/audit/audit.chain.ts).
-- The id is assigned by the writer under an advisory lock (prev id + 1), so the chain stays linear.
-- No foreign keys: audit rows outlive the accounts they mention.
create table audit_log (
  id bigint primary key check (id > 0),
  actor_account_id uuid,
  action text not null check (action ~ '^[a-z][a-z0-9_.:-]{1,60}$'),
  target_type text not null check (target_type ~ '^[a-z][a-z_]{1,40}$'),
  target_id text not null check (length(target_id) between 1 and 100),
  reason text not null default '' check (length(reason) <= 2000),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index audit_log_action_idx on audit_log (action, created_at desc);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
revoke update, delete, truncate on audit_log from public;

-- On-call schedules: a rotation of clinicians handing off at a local time in the schedule's time zone.
create table oncall_schedules (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 80),
  time_zone text not null check (length(time_zone) between 1 and 64),
  handoff_time time not null default '09:00',
  shift_hours integer not null default 24 check (shift_hours between 1 and 336),
  starts_on date not null,
  created_at timestamptz not null default now()
);

create table oncall_rotation_members (
  schedule_id uuid not null references oncall_schedules (id) on delete cascade,
  position integer not null check (position >= 0),
  account_id uuid not null references accounts (id) on delete cascade,
  primary key (schedule_id, position)
);

create table oncall_overrides (
  id uuid primary key default gen_random_uuid(),
  schedule_id uuid not null references oncall_schedules (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index oncall_overrides_schedule_idx on oncall_overrides (schedule_id, ends_at);

-- Escalation policies: ordered levels, each with targets and an acknowledgement timeout; the whole
-- ladder repeats `repeats` more times, then the supervisor is paged until someone acknowledges.
create table escalation_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 80),
  repeats integer not null default 1 check (repeats between 0 and 10),
  supervisor_account_id uuid references accounts (id) on delete set null,
  retrigger_minutes integer not null default 30 check (retrigger_minutes between 1 and 1440),
  is_default boolean not null default false,
  updated_at timestamptz not null default now()
);
create unique index escalation_policies_one_default on escalation_policies (is_default) where is_default;

create table escalation_levels (
  policy_id uuid not null references escalation_policies (id) on delete cascade,
  position integer not null check (position between 0 and 9),
  ack_timeout_minutes integer not null check (ack_timeout_minutes between 1 and 120),
  primary key (policy_id, position)
);

create table escalation_targets (
  id uuid primary key default gen_random_uuid(),
  policy_id uuid not null,
  position integer not null,
  schedule_id uuid references oncall_schedules (id) on delete cascade,
  account_id uuid references accounts (id) on delete cascade,
  foreign key (policy_id, position) references escalation_levels (policy_id, position) on delete cascade,
  check ((schedule_id is null) <> (account_id is null))
);

-- Incidents. One open (not resolved) incident per member; later signals attach to it.
-- The policy is snapshotted when raised, so editing a policy never changes a running ladder.
create table crisis_incidents (
  id uuid primary key default gen_random_uuid(),
  member_account_id uuid not null references accounts (id) on delete cascade,
  member_label text not null check (length(member_label) between 1 and 80),
  member_locale text not null check (member_locale in ('en', 'pl')),
  member_country text check (member_country ~ '^[A-Z]{2}$'),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  level text not null check (level in ('concern', 'high', 'imminent')),
  source text not null check (source in ('message', 'button', 'facilitator', 'report')),
  policy_snapshot jsonb not null,
  escalation_level integer not null default 0 check (escalation_level >= 0),
  escalation_repeat integer not null default 0 check (escalation_repeat >= 0),
  climb_base_repeat integer not null default 0,
  ack_count integer not null default 0,
  raised_at timestamptz not null,
  first_paged_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid references accounts (id) on delete set null,
  resolved_at timestamptz,
  resolved_by uuid references accounts (id) on delete set null,
  outcome text check (outcome in ('safety_plan', 'referred', 'emergency_services', 'no_risk', 'lost_contact', 'other')),
  check ((status = 'resolved') = (resolved_at is not null))
);
create unique index crisis_incidents_one_open on crisis_incidents (member_account_id) where status <> 'resolved';
create index crisis_incidents_queue_idx on crisis_incidents (status, raised_at);
create index crisis_incidents_unpaged_idx on crisis_incidents (raised_at) where first_paged_at is null and status <> 'resolved';

-- What raised or fed an incident. Chat ids are plain uuids: the chat tables live in another slice.
create table crisis_signals (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  source text not null check (source in ('message', 'button', 'facilitator', 'report')),
  level text not null check (level in ('concern', 'high', 'imminent')),
  room_id uuid,
  message_id uuid,
  reporter_account_id uuid references accounts (id) on delete set null,
  reason text check (length(reason) <= 2000),
  classifier_signals text[] not null default '{}',
  created_at timestamptz not null
);
create index crisis_signals_incident_idx on crisis_signals (incident_id, created_at);

-- One row per page (level + repeat of one incident). The unique dedup key makes a retried job
-- find its page and only finish the channels not yet done.
create table crisis_pages (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  escalation_level integer not null,
  escalation_repeat integer not null,
  dedup_key text not null unique,
  created_at timestamptz not null,
  console_sent_at timestamptz,
  followups_enqueued_at timestamptz
);
create index crisis_pages_incident_idx on crisis_pages (incident_id, created_at);

create table crisis_page_recipients (
  page_id uuid not null references crisis_pages (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  email_sent_at timestamptz,
  primary key (page_id, account_id)
);

create table crisis_webhook_deliveries (
  page_id uuid primary key references crisis_pages (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  last_status_code integer,
  delivered_at timestamptz
);

create table crisis_webhook_dead_letters (
  id uuid primary key default gen_random_uuid(),
  page_id uuid not null references crisis_pages (id) on delete cascade,
  status_code integer,
  reason text not null check (length(reason) <= 200),
  created_at timestamptz not null
);

-- The incident's timeline (no content: kinds, actors, levels).
create table crisis_events (
  id bigserial primary key,
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  kind text not null check (kind in ('raised', 'signal', 'level_raised', 'paged', 'escalated', 'acknowledged', 'retriggered', 'resolved', 'note', 'identity_revealed')),
  actor_account_id uuid references accounts (id) on delete set null,
  escalation_level integer,
  escalation_repeat integer,
  created_at timestamptz not null
);
create index crisis_events_incident_idx on crisis_events (incident_id, id);

create table crisis_notes (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  author_account_id uuid references accounts (id) on delete set null,
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null
);

-- The private chat between the clinician(s) working an incident and the member.
create table crisis_chat_messages (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references crisis_incidents (id) on delete cascade,
  author_account_id uuid references accounts (id) on delete set null,
  author_role text not null check (author_role in ('member', 'clinician')),
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null
);
create index crisis_chat_incident_idx on crisis_chat_messages (incident_id, created_at);

-- Operational alarms (stuck incidents, dead webhooks): workers write them, the server's /metrics
-- counts them and admins see them as a banner until cleared.
create table alarms (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_]{1,40}$'),
  dedup_key text not null unique,
  incident_id uuid references crisis_incidents (id) on delete cascade,
  raised_at timestamptz not null,
  cleared_at timestamptz
);
create index alarms_open_idx on alarms (raised_at) where cleared_at is null;
