-- A ladder that cannot stall (core/crisis/crisis.sweeper.ts, docs/crisis.md "The ladder").
-- The sweeper re-creates a lost or exhausted step from the database; it notes the step it re-created and when, so
-- one lost step is re-created once per sweep interval and not on every tick (while Redis is down, say).
alter table crisis_incidents
  add column swept_step text check (swept_step ~ '^[a-z]+:[0-9:]{1,40}$'),
  add column swept_at timestamptz;

-- Heartbeats of long-running processes (the workers), written on a timer. The server process alarms when the
-- newest workers heartbeat is too old: an alarm that does not depend on the workers process being alive.
create table process_heartbeats (
  instance_id text primary key check (instance_id ~ '^[A-Za-z0-9_.:-]{1,100}$'),
  process text not null check (process ~ '^[a-z][a-z_]{1,30}$'),
  started_at timestamptz not null,
  beat_at timestamptz not null
);
create index process_heartbeats_latest_idx on process_heartbeats (process, beat_at desc);
