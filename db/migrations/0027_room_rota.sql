-- A facilitator rota for rooms that open only with cover (issue 19, docs/decisions/048): a topic room set to
-- `opens_with_cover` is open only while a facilitator assigned to it (room_facilitators, 0005) is on a shift, and,
-- when it also has opening hours (0024), only inside them as well. A room not set so behaves as before.
alter table rooms add column opens_with_cover boolean not null default false;

-- One shift per row: a facilitator on duty in a room from `starts_at` to `ends_at` (instants; entered in the
-- writer's zone, stored UTC). A shift lasts at most 24 hours: longer cover is several shifts.
create table room_rota_shifts (
  id uuid primary key default gen_random_uuid(),
  room_id uuid not null references rooms (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '24 hours')
);
create index room_rota_shifts_room_idx on room_rota_shifts (room_id, ends_at);
create index room_rota_shifts_account_idx on room_rota_shifts (account_id);
