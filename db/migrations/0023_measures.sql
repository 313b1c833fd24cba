-- Measurement-based care: PHQ-9 and GAD-7 answered by members, requests from a group's facilitators to complete one
-- before a session, the member's consent to show their scores to one group's facilitators, and reminder sends.
-- Numbers only: no free text is stored here (docs/decisions/041).

-- A facilitator asks the group's members to complete an instrument before the session it names (the next one when
-- asked; null when none was scheduled).
create table measure_requests (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  instrument text not null check (instrument in ('phq9', 'gad7')),
  session_id uuid references group_sessions (id) on delete set null,
  requested_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now()
);
create index measure_requests_group_idx on measure_requests (group_id, created_at desc);

-- One completed questionnaire of a member: every item's answer (0-3) and the total.
create table measure_responses (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  instrument text not null check (instrument in ('phq9', 'gad7')),
  answers smallint[] not null check (
    array_length(answers, 1) = case instrument when 'phq9' then 9 else 7 end
    and answers <@ array[0, 1, 2, 3]::smallint[]),
  total smallint not null check (total between 0 and 27),
  completed_at timestamptz not null default now(),
  -- PHQ-9 item 9 above "not at all": the member said yes to "Would you like a clinician to contact you?" (once).
  clinician_requested_at timestamptz,
  incident_id uuid
);
create index measure_responses_account_idx on measure_responses (account_id, completed_at desc);

-- Consent to show the member's scores to one group's facilitators: granted and withdrawn with their times. At most
-- one current (not withdrawn) row per member and group; withdrawn rows stay as the record, until the account goes.
create table measure_consents (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  group_id uuid not null references groups (id) on delete cascade,
  granted_at timestamptz not null,
  withdrawn_at timestamptz,
  check (withdrawn_at is null or withdrawn_at >= granted_at)
);
create unique index measure_consents_current_idx on measure_consents (account_id, group_id) where withdrawn_at is null;
create index measure_consents_group_idx on measure_consents (group_id) where withdrawn_at is null;

-- One reminder email per request and member: claimed before sending, released if the mail server refused it.
create table measure_reminders (
  request_id uuid not null references measure_requests (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  sent_at timestamptz not null default now(),
  primary key (request_id, account_id)
);
create index measure_reminders_account_idx on measure_reminders (account_id);
