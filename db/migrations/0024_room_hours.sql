-- Rooms that open only with cover (issue 19, docs/decisions/043): a topic room may have weekly opening hours in its
-- own time zone. A room without any rows is open at all times (as every room was before). Outside its hours a room is
-- read-only for members: sends are refused with ROOM_CLOSED; facilitators may still post.
alter table rooms add column time_zone text not null default 'Europe/Warsaw' check (length(time_zone) between 1 and 64);

-- One opening window per row: on ISO weekday `weekday` (1 Monday … 7 Sunday) from `opens_minute` to `closes_minute`
-- (minutes after local midnight, closes after opens; a window never crosses midnight: split it in two).
create table room_opening_hours (
  room_id uuid not null references rooms (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens_minute smallint not null check (opens_minute between 0 and 1439),
  closes_minute smallint not null check (closes_minute between 1 and 1440),
  check (closes_minute > opens_minute),
  primary key (room_id, weekday, opens_minute)
);
