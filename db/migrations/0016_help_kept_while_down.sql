-- "I need help now" pressed while PostgreSQL was unavailable is kept in Redis (ids only) and raised when the
-- database returns (docs/decisions/019). Each kept press is raised once: its id is recorded here in the same
-- transaction as the incident (or the signal on the member's open incident) it became.
create table crisis_help_presses_raised (
  press_id uuid primary key,
  incident_id uuid references crisis_incidents (id) on delete cascade,
  pressed_at timestamptz not null,
  raised_at timestamptz not null default now()
);
create index crisis_help_presses_raised_incident on crisis_help_presses_raised (incident_id);
