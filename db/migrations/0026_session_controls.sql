-- Group video controls (issue 19, docs/decisions/047): raised hands in the order they went up, the facilitator's
-- "ask to unmute", members starting muted, and the private "stepping out" / "I'm not OK" signals.

-- A raised hand keeps its place in the queue by a sequence number (two hands raised in the same microsecond still
-- have an order); lowering clears both. Leaving the room (send-back, removal) lowers the hand.
create sequence group_session_hand_seq;
alter table group_session_participants
  add column hand_raised_at timestamptz,
  add column hand_order bigint,
  -- The facilitator asked this muted member to unmute; only the member can act on it (accept clears it).
  add column unmute_asked_at timestamptz,
  -- Members start muted: no publish permission until they turn on their own microphone or camera in the session.
  add column media_opened_at timestamptz,
  add check ((hand_raised_at is null) = (hand_order is null));
create index group_session_hands_idx on group_session_participants (session_id, hand_order) where hand_order is not null;

-- "I'm stepping out", "I'm back", "I'm not OK": seen only by the session's facilitators (by group pseudonym). A
-- "not OK" may lead to a clinician contact only when the member says yes, like PHQ-9 item 9 (incident_id then).
create table group_session_signals (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references group_sessions (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  kind text not null check (kind in ('stepping_out', 'back', 'not_ok')),
  created_at timestamptz not null default now(),
  clinician_requested_at timestamptz,
  incident_id uuid
);
create index group_session_signals_session_idx on group_session_signals (session_id, created_at);
create index group_session_signals_account_idx on group_session_signals (account_id);
