-- Supportive reactions (hug, same here, thank you) on chat messages (docs/decisions/040-reactions.md).
-- A reaction is not a message: it takes no seq, is never unread and never counts as a reply.
create table message_reactions (
  message_id uuid not null references messages (id) on delete cascade,
  membership_id uuid not null references room_memberships (id) on delete cascade,
  kind text not null check (kind in ('hug', 'same_here', 'thank_you')),
  created_at timestamptz not null default now(),
  primary key (message_id, membership_id, kind)
);
create index message_reactions_membership_idx on message_reactions (membership_id);
