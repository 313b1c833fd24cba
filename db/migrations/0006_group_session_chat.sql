-- The group chat beside a session's video runs on the chat engine: a room of kind 'group_session' per
-- session, never listed with the topic rooms, whose memberships carry the group pseudonyms.
alter table rooms add column kind text not null default 'topic' check (kind in ('topic', 'group_session'));

alter table group_sessions
  add constraint group_sessions_chat_room_fk foreign key (chat_room_id) references rooms (id) on delete set null;
create unique index group_sessions_chat_room_idx on group_sessions (chat_room_id) where chat_room_id is not null;
