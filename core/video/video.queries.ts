import type { Sql, TransactionSql } from '../../db/client.js'
import type { LobbyParticipant, ParticipationMode, ParticipantState } from '../contracts/socket-events.groups.js'

type Db = Sql | TransactionSql

export interface SessionContextRow {
  sessionId: string
  groupId: string
  groupTitle: string
  capacity: number
  startsAt: Date
  endsAt: Date
  status: 'scheduled' | 'cancelled' | 'moved' | 'live' | 'ended'
  livekitRoom: string
  roomCreatedAt: Date | null
  facilitatorId: string
  coFacilitatorId: string | null
  chatRoomId: string | null
}

export async function findSessionContext(db: Db, sessionId: string): Promise<SessionContextRow | null> {
  const rows = await db<SessionContextRow[]>`
    select s.id as "sessionId", g.id as "groupId", g.title as "groupTitle", g.capacity, s.starts_at as "startsAt",
           s.ends_at as "endsAt", s.status, s.livekit_room as "livekitRoom", s.room_created_at as "roomCreatedAt",
           g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId", s.chat_room_id as "chatRoomId"
    from group_sessions s join groups g on g.id = s.group_id
    where s.id = ${sessionId}`
  return rows[0] ?? null
}

export async function findSessionIdByRoom(db: Db, livekitRoom: string): Promise<string | null> {
  const rows = await db<{ id: string }[]>`select id from group_sessions where livekit_room = ${livekitRoom}`
  return rows[0]?.id ?? null
}

/** The pseudonym of an approved member, or null if they are not (or no longer) enrolled. */
export async function findEnrolledPseudonym(db: Db, groupId: string, accountId: string): Promise<string | null> {
  const rows = await db<{ pseudonym: string }[]>`
    select pseudonym from group_members where group_id = ${groupId} and account_id = ${accountId} and status = 'approved'`
  return rows[0]?.pseudonym ?? null
}

export async function findFacilitatorName(db: Db, accountId: string): Promise<string | null> {
  const rows = await db<{ displayName: string }[]>`
    select display_name as "displayName" from facilitator_profiles where account_id = ${accountId} and verified_at is not null`
  return rows[0]?.displayName ?? null
}

export async function markRoomCreated(db: Db, sessionId: string) {
  await db`update group_sessions set room_created_at = coalesce(room_created_at, now()) where id = ${sessionId}`
}

export async function markSessionLive(db: Db, sessionId: string) {
  await db`update group_sessions set status = 'live', updated_at = now() where id = ${sessionId} and status in ('scheduled', 'moved')`
}

export async function markSessionEnded(db: Db, sessionId: string): Promise<boolean> {
  const rows = await db`
    update group_sessions set status = 'ended', ended_at = now(), updated_at = now()
    where id = ${sessionId} and status in ('scheduled', 'moved', 'live') returning id`
  return rows.length > 0
}

export interface ParticipantRow {
  id: string
  accountId: string
  role: 'facilitator' | 'member'
  state: ParticipantState
  mode: ParticipationMode
  muted: boolean
  handRaised: boolean
  unmuteAsked: boolean
  mediaOpened: boolean
}

const participantColumns = (db: Db) =>
  db`id, account_id as "accountId", role, state, mode, muted, hand_order is not null as "handRaised",
     unmute_asked_at is not null as "unmuteAsked", media_opened_at is not null as "mediaOpened"`

export async function findParticipant(db: Db, sessionId: string, accountId: string): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    select ${participantColumns(db)} from group_session_participants where session_id = ${sessionId} and account_id = ${accountId}`
  return rows[0] ?? null
}

export async function findParticipantById(
  db: Db,
  sessionId: string,
  participantId: string,
): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    select ${participantColumns(db)} from group_session_participants where session_id = ${sessionId} and id = ${participantId}`
  return rows[0] ?? null
}

/**
 * Enter the lobby (or, for facilitators, the session). A returning person keeps their state — an admitted
 * member who reloads stays admitted, a removed one stays removed — and may change how they take part.
 */
export async function upsertParticipant(
  db: Db,
  input: { sessionId: string; accountId: string; role: 'facilitator' | 'member'; mode: ParticipationMode },
): Promise<ParticipantRow> {
  const initial = input.role === 'facilitator' ? 'admitted' : 'lobby'
  const [row] = await db<ParticipantRow[]>`
    insert into group_session_participants (session_id, account_id, role, state, mode, admitted_at)
    values (${input.sessionId}, ${input.accountId}, ${input.role}, ${initial}, ${input.mode},
            ${initial === 'admitted' ? new Date() : null})
    on conflict (session_id, account_id) do update set mode = excluded.mode, role = excluded.role,
      state = case when excluded.role = 'facilitator' then 'admitted' else group_session_participants.state end,
      updated_at = now()
    returning ${participantColumns(db)}`
  return row!
}

/** Move participants between states; only rows in `from` change. Returns the changed rows. */
export async function transitionParticipants(
  db: Db,
  sessionId: string,
  ids: string[] | 'all-in-lobby',
  from: ParticipantState,
  to: ParticipantState,
): Promise<ParticipantRow[]> {
  const scope = ids === 'all-in-lobby' ? db`true` : db`id = any(${ids}::uuid[])`
  return db<ParticipantRow[]>`
    update group_session_participants
    set state = ${to}, updated_at = now(), admitted_at = case when ${to} = 'admitted' then now() else admitted_at end,
        hand_raised_at = null, hand_order = null, unmute_asked_at = null
    where session_id = ${sessionId} and role = 'member' and state = ${from} and ${scope}
    returning ${participantColumns(db)}`
}

export async function setParticipantsMuted(
  db: Db,
  sessionId: string,
  ids: string[] | 'all-admitted',
  muted: boolean,
): Promise<ParticipantRow[]> {
  const scope = ids === 'all-admitted' ? db`state = 'admitted' and muted <> ${muted}` : db`id = any(${ids}::uuid[])`
  return db<ParticipantRow[]>`
    update group_session_participants set muted = ${muted}, unmute_asked_at = null, updated_at = now()
    where session_id = ${sessionId} and role = 'member' and state <> 'removed' and ${scope}
    returning ${participantColumns(db)}`
}

export async function listLobby(db: Db, sessionId: string): Promise<LobbyParticipant[]> {
  return db<LobbyParticipant[]>`
    select p.id as "participantId", p.role, p.state, p.mode, p.muted,
           p.hand_order is not null as "handRaised", p.unmute_asked_at is not null as "unmuteAsked",
           coalesce(m.pseudonym, f.display_name, '—') as name
    from group_session_participants p
    join group_sessions s on s.id = p.session_id
    left join group_members m on m.group_id = s.group_id and m.account_id = p.account_id and p.role = 'member'
    left join facilitator_profiles f on f.account_id = p.account_id and p.role = 'facilitator'
    where p.session_id = ${sessionId}
    order by p.role, p.entered_at`
}

// ── raised hands, ask to unmute, starting muted ────────────────────────────────────────────────────────
/** Raise (keeping an earlier place in the queue) or lower an admitted member's own hand. */
export async function setOwnHand(db: Db, participantId: string, raised: boolean): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    update group_session_participants
    set hand_raised_at = case when ${raised} then coalesce(hand_raised_at, now()) end,
        hand_order = case when ${raised} then coalesce(hand_order, nextval('group_session_hand_seq')) end,
        updated_at = now()
    where id = ${participantId} and role = 'member' and state = 'admitted'
    returning ${participantColumns(db)}`
  return rows[0] ?? null
}

/** A facilitator lowers one raised hand or all of them. Returns the rows whose hand came down. */
export async function lowerHands(db: Db, sessionId: string, ids: string[] | 'all'): Promise<ParticipantRow[]> {
  const scope = ids === 'all' ? db`true` : db`id = any(${ids}::uuid[])`
  return db<ParticipantRow[]>`
    update group_session_participants set hand_raised_at = null, hand_order = null, updated_at = now()
    where session_id = ${sessionId} and hand_order is not null and ${scope}
    returning ${participantColumns(db)}`
}

export interface RaisedHandRow {
  participantId: string
  name: string
  raisedAt: Date
}

/** The queue of raised hands in the order they went up. */
export async function listRaisedHands(db: Db, sessionId: string): Promise<RaisedHandRow[]> {
  return db<RaisedHandRow[]>`
    select p.id as "participantId", coalesce(m.pseudonym, '—') as name, p.hand_raised_at as "raisedAt"
    from group_session_participants p
    join group_sessions s on s.id = p.session_id
    left join group_members m on m.group_id = s.group_id and m.account_id = p.account_id
    where p.session_id = ${sessionId} and p.hand_order is not null
    order by p.hand_order`
}

/** The facilitator asks a muted member to unmute: only marks the ask; the member stays muted until they accept. */
export async function markUnmuteAsked(
  db: Db,
  sessionId: string,
  participantId: string,
): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    update group_session_participants set unmute_asked_at = now(), updated_at = now()
    where session_id = ${sessionId} and id = ${participantId} and role = 'member' and state = 'admitted' and muted
    returning ${participantColumns(db)}`
  return rows[0] ?? null
}

/**
 * The member opens their own microphone and camera permission: the first time in a session (members start muted),
 * or in answer to the facilitator's ask after a mute. A facilitator's mute without an ask keeps them muted.
 */
export async function openOwnMedia(db: Db, participantId: string): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    update group_session_participants
    set muted = false, unmute_asked_at = null, media_opened_at = coalesce(media_opened_at, now()), updated_at = now()
    where id = ${participantId} and role = 'member' and state = 'admitted' and mode <> 'chat'
      and (not muted or unmute_asked_at is not null)
    returning ${participantColumns(db)}`
  return rows[0] ?? null
}

/** The member declines the ask: they stay muted, and the facilitator sees the ask is answered. */
export async function clearUnmuteAsk(db: Db, participantId: string): Promise<ParticipantRow | null> {
  const rows = await db<ParticipantRow[]>`
    update group_session_participants set unmute_asked_at = null, updated_at = now()
    where id = ${participantId} and unmute_asked_at is not null
    returning ${participantColumns(db)}`
  return rows[0] ?? null
}

// ── "stepping out" / "I'm not OK" ──────────────────────────────────────────────────────────────────────
export type SignalKind = 'stepping_out' | 'back' | 'not_ok'

export interface SignalRow {
  id: string
  name: string
  kind: SignalKind
  createdAt: Date
  clinicianRequested: boolean
}

export async function insertSignal(
  db: Db,
  input: { sessionId: string; accountId: string; kind: SignalKind; at: Date },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into group_session_signals (session_id, account_id, kind, created_at)
    values (${input.sessionId}, ${input.accountId}, ${input.kind}, ${input.at}) returning id`
  return row!.id
}

/** The session's signals as its facilitators see them: group pseudonym, kind, time; newest first. */
export async function listSignals(db: Db, sessionId: string, limit = 50): Promise<SignalRow[]> {
  return db<SignalRow[]>`
    select g.id, coalesce(m.pseudonym, '—') as name, g.kind, g.created_at as "createdAt",
           g.clinician_requested_at is not null as "clinicianRequested"
    from group_session_signals g
    join group_sessions s on s.id = g.session_id
    left join group_members m on m.group_id = s.group_id and m.account_id = g.account_id
    where g.session_id = ${sessionId}
    order by g.created_at desc, g.id
    limit ${limit}`
}

export interface OwnSignalRow {
  id: string
  kind: SignalKind
  clinicianRequestedAt: Date | null
  incidentId: string | null
}

/** One of the member's own signals in this session (anyone else's is as if it did not exist). */
export async function findOwnSignal(
  db: Db,
  accountId: string,
  sessionId: string,
  signalId: string,
): Promise<OwnSignalRow | null> {
  const rows = await db<OwnSignalRow[]>`
    select id, kind, clinician_requested_at as "clinicianRequestedAt", incident_id as "incidentId"
    from group_session_signals where id = ${signalId} and account_id = ${accountId} and session_id = ${sessionId}`
  return rows[0] ?? null
}

/** Claims the clinician request once per signal; false when it was already made (a double submit). */
export async function claimSignalClinicianRequest(db: Db, signalId: string, at: Date): Promise<boolean> {
  const rows = await db`
    update group_session_signals set clinician_requested_at = ${at}
    where id = ${signalId} and kind = 'not_ok' and clinician_requested_at is null returning id`
  return rows.length > 0
}

export async function setSignalIncident(db: Db, signalId: string, incidentId: string) {
  await db`update group_session_signals set incident_id = ${incidentId} where id = ${signalId}`
}

export async function selectSignalsExport(db: Db, accountId: string) {
  return db<{ kind: SignalKind; createdAt: Date; clinicianRequestedAt: Date | null }[]>`
    select kind, created_at as "createdAt", clinician_requested_at as "clinicianRequestedAt"
    from group_session_signals where account_id = ${accountId} order by created_at`
}

// ── webhooks and attendance ────────────────────────────────────────────────────────────────────────────
export async function recordWebhookEvent(db: Db, eventId: string, event: string): Promise<boolean> {
  const rows = await db`
    insert into livekit_webhook_events (event_id, event) values (${eventId}, ${event}) on conflict do nothing returning event_id`
  return rows.length > 0
}

export async function insertAttendance(db: Db, sessionId: string, participantId: string, joinedAt: Date) {
  await db`
    insert into group_attendance (session_id, participant_id, joined_at)
    select ${sessionId}, id, ${joinedAt} from group_session_participants where id = ${participantId} and session_id = ${sessionId}`
}

export async function closeAttendance(db: Db, sessionId: string, participantId: string | null, leftAt: Date) {
  const scope = participantId ? db`participant_id = ${participantId}` : db`true`
  await db`update group_attendance set left_at = ${leftAt} where session_id = ${sessionId} and left_at is null and ${scope}`
}

export interface AttendanceRow {
  name: string
  role: 'facilitator' | 'member'
  joinedAt: Date
  leftAt: Date | null
}

export async function listAttendance(db: Db, sessionId: string): Promise<AttendanceRow[]> {
  return db<AttendanceRow[]>`
    select coalesce(m.pseudonym, f.display_name, '—') as name, p.role, a.joined_at as "joinedAt", a.left_at as "leftAt"
    from group_attendance a
    join group_session_participants p on p.id = a.participant_id
    join group_sessions s on s.id = a.session_id
    left join group_members m on m.group_id = s.group_id and m.account_id = p.account_id and p.role = 'member'
    left join facilitator_profiles f on f.account_id = p.account_id and p.role = 'facilitator'
    where a.session_id = ${sessionId}
    order by a.joined_at, name`
}

// --- The session's chat room (the chat engine's room of kind 'group_session') ---

export interface SessionChatRoomRow {
  id: string
  title: string
  language: 'en' | 'pl'
  locked: boolean
  rulesVersion: number
}

/** The session's chat room, created on first use. Locks the session row so two first visitors make one room. */
export async function ensureSessionChatRoom(tx: TransactionSql, sessionId: string): Promise<SessionChatRoomRow> {
  const [session] = await tx<
    {
      chatRoomId: string | null
      title: string
      language: 'en' | 'pl'
      facilitatorId: string
      coFacilitatorId: string | null
    }[]
  >`
    select s.chat_room_id as "chatRoomId", g.title, g.language, g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId"
    from group_sessions s join groups g on g.id = s.group_id
    where s.id = ${sessionId}
    for update of s`
  let roomId = session!.chatRoomId
  if (!roomId) {
    const [room] = await tx<{ id: string }[]>`
      insert into rooms (slug, title, description, language, rules, kind)
      values (${`session-${sessionId}`}, ${session!.title.slice(0, 120)}, '', ${session!.language}, '', 'group_session')
      returning id`
    roomId = room!.id
    await tx`update group_sessions set chat_room_id = ${roomId} where id = ${sessionId}`
    // The group's facilitators moderate its session chat (moderation's room assignment).
    for (const accountId of [session!.facilitatorId, session!.coFacilitatorId].filter(Boolean) as string[]) {
      await tx`insert into room_facilitators (room_id, account_id) values (${roomId}, ${accountId}) on conflict do nothing`
    }
  }
  const [row] = await tx<SessionChatRoomRow[]>`
    select id, title, language, locked, rules_version as "rulesVersion" from rooms where id = ${roomId}`
  return row!
}

/** For a group-session chat room: whether its session is open and what this account is there. */
export async function findSessionChatAccess(db: Db, roomId: string, accountId: string) {
  const rows = await db<
    {
      sessionId: string
      status: string
      startsAt: Date
      endsAt: Date
      facilitator: boolean
      enrolled: boolean
      removed: boolean
    }[]
  >`
    select s.id as "sessionId", s.status, s.starts_at as "startsAt", s.ends_at as "endsAt",
           (${accountId}::uuid in (g.facilitator_id, g.co_facilitator_id)) as facilitator,
           exists (select 1 from group_members m where m.group_id = g.id and m.account_id = ${accountId} and m.status = 'approved') as enrolled,
           exists (select 1 from group_session_participants p where p.session_id = s.id and p.account_id = ${accountId} and p.state = 'removed') as removed
    from group_sessions s join groups g on g.id = s.group_id
    where s.chat_room_id = ${roomId}`
  return rows[0] ?? null
}
