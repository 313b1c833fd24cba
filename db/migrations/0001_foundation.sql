-- Foundation: accounts, consent, encrypted identity, sessions, password resets, outbox, rooms.

create table accounts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('registered', 'anonymous')),
  email text unique check (email = lower(email)),
  username text not null unique check (username ~ '^[a-z0-9-]{3,40}$'),
  password_hash text not null,
  recovery_code_hash bytea unique,
  role text not null default 'member' check (role in ('member', 'facilitator', 'clinician', 'admin')),
  locale text not null default 'en' check (locale in ('en', 'pl')),
  pseudonym_mode text not null default 'ask' check (pseudonym_mode in ('ask', 'generate')),
  created_at timestamptz not null default now(),
  check ((kind = 'registered') = (email is not null))
);

create table consents (
  id bigserial primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  kind text not null check (kind in ('health_data_processing')),
  version text not null,
  granted_at timestamptz not null default now()
);
create index consents_account_idx on consents (account_id);

-- Legal name and emergency contact, AES-256-GCM ciphertext only (core/identity/identity.crypto.ts).
create table sensitive_profiles (
  account_id uuid primary key references accounts (id) on delete cascade,
  legal_name_enc bytea,
  emergency_contact_enc bytea,
  updated_at timestamptz not null default now()
);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_account_idx on sessions (account_id) where revoked_at is null;

-- One row per reset request (request_id from the outbox job), so a retried job never sends twice.
create table password_resets (
  request_id uuid primary key,
  token_hash bytea not null unique,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  sent_at timestamptz,
  used_at timestamptz
);

-- Transactional outbox: written in the same transaction as the fact it announces,
-- moved to BullMQ by the relay in workers/ (job id = outbox id).
create table outbox (
  id uuid primary key default gen_random_uuid(),
  queue text not null check (queue ~ '^[a-z][a-z0-9-]{0,40}$'),
  job_name text not null check (job_name ~ '^[a-z][a-z0-9:._-]{0,60}$'),
  payload jsonb not null default '{}'::jsonb,
  delay_ms integer not null default 0 check (delay_ms >= 0),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_pending_idx on outbox (created_at) where sent_at is null;

create function outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('outbox', '');
  return null;
end $$;
create trigger outbox_notify_trg after insert on outbox for each statement execute function outbox_notify();

create table rooms (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]{2,60}$'),
  title text not null check (length(title) between 1 and 120),
  description text not null default '' check (length(description) <= 1000),
  language text not null check (language in ('en', 'pl')),
  rules text not null default '' check (length(rules) <= 4000),
  created_at timestamptz not null default now()
);
