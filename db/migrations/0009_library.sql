-- Homework set by a group's facilitators, members' completions and reflections (shown to the facilitators only),
-- and the resource library: per group (facilitators add, members read) and public (admins and verified
-- facilitators add, every signed-in account reads). Uploaded files live in object storage under a random key.

create table homework (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  -- The facilitator who set it; the homework stays with the group if that account is deleted.
  created_by uuid references accounts (id) on delete set null,
  title text not null check (length(title) between 3 and 120),
  instructions text not null check (length(instructions) between 1 and 5000),
  due_at timestamptz not null,
  reflection_prompt text check (reflection_prompt is null or length(reflection_prompt) between 3 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index homework_group_due_idx on homework (group_id, due_at);

-- A member's own progress on one homework: done or not, and a reflection only the group's facilitators read.
create table homework_completions (
  homework_id uuid not null references homework (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  done_at timestamptz,
  reflection text check (reflection is null or length(reflection) between 1 and 5000),
  reflection_at timestamptz,
  primary key (homework_id, account_id),
  check ((reflection is null) = (reflection_at is null))
);
create index homework_completions_account_idx on homework_completions (account_id);

create table library_resources (
  id uuid primary key default gen_random_uuid(),
  -- null: the public library.
  group_id uuid references groups (id) on delete cascade,
  added_by uuid not null references accounts (id) on delete cascade,
  kind text not null check (kind in ('link', 'reading', 'file')),
  title text not null check (length(title) between 3 and 160),
  description text not null default '' check (length(description) <= 2000),
  url text check (url is null or (length(url) <= 2000 and url ~ '^https?://')),
  body text check (body is null or length(body) between 1 and 50000),
  storage_key text unique check (storage_key is null or storage_key ~ '^[a-z0-9/]{16,80}$'),
  content_type text,
  size_bytes bigint check (size_bytes is null or size_bytes > 0),
  file_name text check (file_name is null or length(file_name) between 1 and 160),
  created_at timestamptz not null default now(),
  check ((kind = 'link') = (url is not null)),
  check ((kind = 'reading') = (body is not null)),
  check ((kind = 'file') = (storage_key is not null and content_type is not null and size_bytes is not null and file_name is not null))
);
create index library_resources_group_idx on library_resources (group_id, created_at desc);
create index library_resources_added_by_idx on library_resources (added_by);
