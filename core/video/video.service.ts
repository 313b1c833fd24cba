import type {
  LobbyParticipant,
  OwnParticipation,
  ParticipationMode,
  RaisedHand,
  VideoTokenGrant,
} from '../contracts/socket-events.groups.js'
import type { WellbeingSignalKind } from '../contracts/socket-events.video.js'
import { transaction } from '../after-commit.js'
import { raiseCrisisInTransaction } from '../crisis/crisis.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { consumeSlidingWindows } from '../chat/chat.rate-limit.js'
import { keyedDigest } from '../identity/identity.crypto.js'
import { formatInZone } from '../groups/recurrence.js'
import { findAccountTimeZone } from '../groups/groups.queries.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import { recordAudit } from '../audit/audit.service.js'
import type { TransactionSql } from '../../db/client.js'
import {
  livekitSettings,
  mintAccessToken,
  roomServiceFor,
  TOKEN_TTL_SECONDS,
  verifyWebhook,
  WEBHOOK_MAX_AGE_SECONDS,
} from './livekit.js'
import * as q from './video.queries.js'

/** The session page opens this long before the start, and stays usable this long after the planned end. */
export const OPENS_BEFORE_MS = 10 * 60_000
export const GRACE_AFTER_MS = 30 * 60_000

/** Socket.IO rooms of a group session (ids only). */
export const videoRooms = {
  session: (sessionId: string) => `gsession:${sessionId}`,
  facilitators: (sessionId: string) => `gsession:${sessionId}:facilitators`,
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Role = 'facilitator' | 'member'

interface Context {
  session: q.SessionContextRow
  role: Role
  name: string
}

/** Who the actor is in this session: one of its facilitators, an enrolled member, or nobody (FORBIDDEN). */
async function resolveContext(deps: CoreDeps, actor: SessionAccount, sessionId: string): Promise<Context> {
  if (!UUID.test(sessionId)) throw new AppError('NOT_FOUND')
  const session = await q.findSessionContext(deps.sql, sessionId)
  if (!session) throw new AppError('NOT_FOUND')
  if (actor.accountId === session.facilitatorId || actor.accountId === session.coFacilitatorId) {
    const name = await q.findFacilitatorName(deps.sql, actor.accountId)
    if (!name) throw new AppError('FORBIDDEN')
    return { session, role: 'facilitator', name }
  }
  const pseudonym = await q.findEnrolledPseudonym(deps.sql, session.groupId, actor.accountId)
  if (!pseudonym) throw new AppError('FORBIDDEN')
  return { session, role: 'member', name: pseudonym }
}

function isOpen(deps: CoreDeps, s: q.SessionContextRow): boolean {
  const now = nowOf(deps).getTime()
  return (
    ['scheduled', 'moved', 'live'].includes(s.status) &&
    now >= s.startsAt.getTime() - OPENS_BEFORE_MS &&
    now < s.endsAt.getTime() + GRACE_AFTER_MS
  )
}

function requireOpen(deps: CoreDeps, s: q.SessionContextRow) {
  if (!isOpen(deps, s)) throw new AppError('CONFLICT')
}

async function requireFacilitator(deps: CoreDeps, actor: SessionAccount, sessionId: string) {
  const ctx = await resolveContext(deps, actor, sessionId)
  if (ctx.role !== 'facilitator') throw new AppError('FORBIDDEN')
  return ctx
}

function publishSources(mode: ParticipationMode): Array<'camera' | 'microphone'> {
  return mode === 'video' ? ['camera', 'microphone'] : mode === 'audio' ? ['microphone'] : []
}

/** Every facilitator control is audited (append-only, in the same transaction as the change). */
function audit(
  tx: TransactionSql,
  deps: CoreDeps,
  actor: SessionAccount,
  action: string,
  sessionId: string,
  participantId?: string,
) {
  return recordAudit(tx, deps, {
    actorAccountId: actor.accountId,
    action: `group_session.${action}`,
    targetType: participantId ? 'group_session_participant' : 'group_session',
    targetId: participantId ?? sessionId,
    details: participantId ? { sessionId } : {},
  })
}

/**
 * Facilitators always may publish. Members start muted (decision 047): no publish permission until they open their
 * own microphone or camera in this session, and none while a facilitator holds them muted or they take part by chat.
 */
const mayPublish = (p: Pick<q.ParticipantRow, 'role' | 'muted' | 'mode' | 'mediaOpened'>) =>
  p.role === 'facilitator' || (!p.muted && p.mode !== 'chat' && p.mediaOpened)

// ── what the session page shows ────────────────────────────────────────────────────────────────────────
export interface SessionPageView {
  sessionId: string
  groupId: string
  groupTitle: string
  startsLabel: string
  endsLabel: string
  status: q.SessionContextRow['status']
  role: Role
  name: string
  open: boolean
  opensInMinutes: number
  livekitConfigured: boolean
  chatRoomId: string | null
  attendance: Array<{ name: string; role: Role; joined: string; left: string | null }> | null
  /** Facilitators only: the members' private "stepping out" / "back" / "not OK" signals, newest first. */
  signals: SessionSignalView[] | null
}

export async function getSessionPage(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
): Promise<SessionPageView> {
  const { session, role, name } = await resolveContext(deps, actor, sessionId)
  const zone = await findAccountTimeZone(deps.sql, actor.accountId)
  const now = nowOf(deps).getTime()
  const attendance =
    role === 'facilitator' && (session.status === 'ended' || now >= session.endsAt.getTime())
      ? (await q.listAttendance(deps.sql, sessionId)).map((a) => ({
          name: a.name,
          role: a.role,
          joined: formatInZone(a.joinedAt, zone, actor.locale),
          left: a.leftAt ? formatInZone(a.leftAt, zone, actor.locale) : null,
        }))
      : null
  return {
    sessionId,
    groupId: session.groupId,
    groupTitle: session.groupTitle,
    startsLabel: formatInZone(session.startsAt, zone, actor.locale),
    endsLabel: formatInZone(session.endsAt, zone, actor.locale),
    status: session.status,
    role,
    name,
    open: isOpen(deps, session),
    opensInMinutes: Math.max(0, Math.ceil((session.startsAt.getTime() - OPENS_BEFORE_MS - now) / 60_000)),
    livekitConfigured: livekitSettings(deps.config) !== null,
    chatRoomId: session.chatRoomId,
    attendance,
    signals: role === 'facilitator' ? await listSessionSignals(deps, actor, sessionId) : null,
  }
}

// ── the lobby ──────────────────────────────────────────────────────────────────────────────────────────
async function announceLobby(deps: CoreDeps, sessionId: string): Promise<LobbyParticipant[]> {
  const participants = await q.listLobby(deps.sql, sessionId)
  deps.realtime.emitToRoom(videoRooms.facilitators(sessionId), 'lobby:updated', { sessionId, participants })
  return participants
}

function tellParticipant(deps: CoreDeps, sessionId: string, p: q.ParticipantRow) {
  deps.realtime.emitToRoom(socketRooms.account(p.accountId), 'participant:updated', {
    sessionId,
    state: p.state,
    muted: p.muted,
    mode: p.mode,
    handRaised: p.handRaised,
    unmuteAsked: p.unmuteAsked,
  })
}

const handView = (h: q.RaisedHandRow): RaisedHand => ({
  participantId: h.participantId,
  name: h.name,
  raisedAt: h.raisedAt.toISOString(),
})

/** The raised hands, in the order they went up, to the session's facilitators (on every server process). */
async function announceHands(deps: CoreDeps, sessionId: string): Promise<RaisedHand[]> {
  const hands = (await q.listRaisedHands(deps.sql, sessionId)).map(handView)
  deps.realtime.emitToRoom(videoRooms.facilitators(sessionId), 'hand:queue', { sessionId, hands })
  return hands
}

/** Create the LiveKit room once, before anyone gets a token (LiveKit is configured not to auto-create rooms). */
async function ensureRoom(deps: CoreDeps, session: q.SessionContextRow) {
  const rooms = roomServiceFor(deps.config)
  if (!rooms || session.roomCreatedAt) return
  await rooms.createRoom(session.livekitRoom, { maxParticipants: session.capacity + 2, emptyTimeoutSeconds: 10 * 60 })
  await q.markRoomCreated(deps.sql, session.sessionId)
  session.roomCreatedAt = nowOf(deps)
}

/**
 * After the device check: a member enters the lobby (or keeps the state they had), a facilitator enters the
 * session, which makes it live and creates its LiveKit room.
 */
export async function joinLobby(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; mode: ParticipationMode },
  facilitatorPresent: boolean,
): Promise<OwnParticipation> {
  const { session, role } = await resolveContext(deps, actor, input.sessionId)
  requireOpen(deps, session)
  const mode = livekitSettings(deps.config) ? input.mode : 'chat'
  const p = await q.upsertParticipant(deps.sql, {
    sessionId: session.sessionId,
    accountId: actor.accountId,
    role,
    mode,
  })
  if (p.state === 'removed') throw new AppError('FORBIDDEN')
  if (role === 'facilitator') {
    // LiveKit being unreachable must not keep the facilitator out: the lobby and chat still work, and the
    // room is created again on the first token request.
    await ensureRoom(deps, session).catch((error: Error) =>
      deps.log.warn({ sessionId: session.sessionId, err: { message: error.message } }, 'livekit room not created'),
    )
    await q.markSessionLive(deps.sql, session.sessionId)
  }
  const participants = await announceLobby(deps, session.sessionId)
  return {
    sessionId: session.sessionId,
    participantId: p.id,
    role,
    state: p.state,
    mode: p.mode,
    muted: p.muted,
    handRaised: p.handRaised,
    unmuteAsked: p.unmuteAsked,
    sessionStatus: role === 'facilitator' ? 'live' : session.status,
    facilitatorPresent: role === 'facilitator' || facilitatorPresent,
    ...(role === 'facilitator'
      ? { participants, hands: (await q.listRaisedHands(deps.sql, session.sessionId)).map(handView) }
      : {}),
  }
}

/** Admit one member, or everyone waiting. Only a facilitator in the session can, so nobody is admitted without one. */
export async function admitFromLobby(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId?: string },
): Promise<{ admitted: number }> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  requireOpen(deps, session)
  if (input.participantId && !UUID.test(input.participantId)) throw new AppError('NOT_FOUND')
  const changed = await q.transitionParticipants(
    deps.sql,
    session.sessionId,
    input.participantId ? [input.participantId] : 'all-in-lobby',
    'lobby',
    'admitted',
  )
  if (input.participantId && changed.length === 0) throw new AppError('CONFLICT')
  changed.forEach((p) => tellParticipant(deps, session.sessionId, p))
  await announceLobby(deps, session.sessionId)
  return { admitted: changed.length }
}

async function requireMemberParticipant(deps: CoreDeps, sessionId: string, participantId: string) {
  if (!UUID.test(participantId)) throw new AppError('NOT_FOUND')
  const p = await q.findParticipantById(deps.sql, sessionId, participantId)
  if (!p) throw new AppError('NOT_FOUND')
  if (p.role !== 'member') throw new AppError('FORBIDDEN')
  return p
}

/** Back to the lobby: out of the LiveKit room now, and no new token until admitted again. */
export async function sendBackToLobby(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId: string },
): Promise<void> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  await requireMemberParticipant(deps, session.sessionId, input.participantId)
  const p = await deps.sql.begin(async (tx) => {
    const [changed] = await q.transitionParticipants(tx, session.sessionId, [input.participantId], 'admitted', 'lobby')
    if (!changed) throw new AppError('CONFLICT')
    await audit(tx, deps, actor, 'send_back', session.sessionId, changed.id)
    return changed
  })
  await roomServiceFor(deps.config)?.removeParticipant(session.livekitRoom, p.id)
  tellParticipant(deps, session.sessionId, p)
  await announceLobby(deps, session.sessionId)
  await announceHands(deps, session.sessionId)
}

/** Removed from this session: out of the room, and refused on every later request (lobby or token). */
export async function removeParticipant(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId: string },
): Promise<void> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  const before = await requireMemberParticipant(deps, session.sessionId, input.participantId)
  if (before.state === 'removed') throw new AppError('CONFLICT')
  const p = await deps.sql.begin(async (tx) => {
    const [changed] = await q.transitionParticipants(tx, session.sessionId, [before.id], before.state, 'removed')
    if (!changed) throw new AppError('CONFLICT')
    await audit(tx, deps, actor, 'remove', session.sessionId, changed.id)
    return changed
  })
  await roomServiceFor(deps.config)?.removeParticipant(session.livekitRoom, p.id)
  // Out of the session's chat too: their open sockets stop receiving it at once (reads are refused from now on).
  if (session.chatRoomId)
    deps.realtime.leaveRoom(socketRooms.account(p.accountId), socketRooms.chatRoom(session.chatRoomId))
  tellParticipant(deps, session.sessionId, p)
  await announceLobby(deps, session.sessionId)
  await announceHands(deps, session.sessionId)
}

/**
 * Mute a member: the media server revokes their permission to publish (LiveKit unpublishes their tracks). A
 * facilitator can never unmute anyone (`muted: false` is FORBIDDEN and reaches nothing): they ask, and only the
 * member opens their own microphone again (`unmuteSelf`, decision 047).
 */
export async function setMuted(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId: string; muted: boolean },
): Promise<void> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  if (input.muted !== true) throw new AppError('FORBIDDEN')
  await requireMemberParticipant(deps, session.sessionId, input.participantId)
  const p = await deps.sql.begin(async (tx) => {
    const [changed] = await q.setParticipantsMuted(tx, session.sessionId, [input.participantId], true)
    if (!changed) throw new AppError('CONFLICT')
    await audit(tx, deps, actor, 'mute', session.sessionId, changed.id)
    return changed
  })
  if (p.state === 'admitted') {
    await roomServiceFor(deps.config)?.setCanPublish(session.livekitRoom, p.id, {
      canPublish: mayPublish(p),
      sources: publishSources(p.mode),
    })
  }
  tellParticipant(deps, session.sessionId, p)
  await announceLobby(deps, session.sessionId)
}

export async function muteAll(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string },
): Promise<{ muted: number }> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  const changed = await deps.sql.begin(async (tx) => {
    const rows = await q.setParticipantsMuted(tx, session.sessionId, 'all-admitted', true)
    await audit(tx, deps, actor, 'mute_all', session.sessionId)
    return rows
  })
  const rooms = roomServiceFor(deps.config)
  for (const p of changed) {
    await rooms?.setCanPublish(session.livekitRoom, p.id, { canPublish: false, sources: [] })
    tellParticipant(deps, session.sessionId, p)
  }
  await announceLobby(deps, session.sessionId)
  return { muted: changed.length }
}

/** End the session for everyone: the LiveKit room is deleted (which disconnects all) and no token is minted again. */
export async function endSession(deps: CoreDeps, actor: SessionAccount, input: { sessionId: string }): Promise<void> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  await deps.sql.begin(async (tx) => {
    if (!(await q.markSessionEnded(tx, session.sessionId))) throw new AppError('CONFLICT')
    await audit(tx, deps, actor, 'end', session.sessionId)
  })
  if (session.roomCreatedAt) await roomServiceFor(deps.config)?.deleteRoom(session.livekitRoom)
  deps.realtime.emitToRoom(videoRooms.session(session.sessionId), 'video:ended', { sessionId: session.sessionId })
}

// ── raised hands, ask to unmute, starting muted (decision 047) ─────────────────────────────────────────
/** The acting member's own admitted participation, or FORBIDDEN (facilitators, the lobby, removed, outsiders). */
async function requireOwnAdmitted(deps: CoreDeps, actor: SessionAccount, sessionId: string) {
  const ctx = await resolveContext(deps, actor, sessionId)
  if (ctx.role !== 'member') throw new AppError('FORBIDDEN')
  requireOpen(deps, ctx.session)
  const p = await q.findParticipant(deps.sql, ctx.session.sessionId, actor.accountId)
  if (!p || p.state !== 'admitted') throw new AppError('FORBIDDEN')
  return { ...ctx, participant: p }
}

/** A member raises or lowers their own hand; a raised hand keeps its place if raised again. */
/** How often a member may raise or lower their hand: ten changes a minute is more than anyone needs. */
export const HAND_RATE_LIMIT = { limit: 10, windowMs: 60_000 } as const

export async function raiseHand(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; raised: boolean },
): Promise<{ handRaised: boolean }> {
  const { session, participant } = await requireOwnAdmitted(deps, actor, input.sessionId)
  // Each change reaches every facilitator's screen: a member toggling their hand is slowed, as reactions are.
  const key = `${deps.config.REDIS_PREFIX}:rl:hand:${keyedDigest(deps.config.SESSION_SECRET, actor.accountId)}`
  const waitMs = await consumeSlidingWindows(deps.redis, [{ key, ...HAND_RATE_LIMIT }])
  if (waitMs > 0) throw new AppError('RATE_LIMITED', undefined, waitMs / 1000)
  const p = await q.setOwnHand(deps.sql, participant.id, input.raised)
  if (!p) throw new AppError('CONFLICT')
  tellParticipant(deps, session.sessionId, p)
  await announceHands(deps, session.sessionId)
  await announceLobby(deps, session.sessionId)
  return { handRaised: p.handRaised }
}

/** A facilitator lowers one hand, or all of them. */
export async function lowerHands(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId?: string },
): Promise<{ lowered: number }> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  if (input.participantId) await requireMemberParticipant(deps, session.sessionId, input.participantId)
  const lowered = await q.lowerHands(deps.sql, session.sessionId, input.participantId ? [input.participantId] : 'all')
  if (input.participantId && lowered.length === 0) throw new AppError('CONFLICT')
  lowered.forEach((p) => tellParticipant(deps, session.sessionId, p))
  await announceHands(deps, session.sessionId)
  await announceLobby(deps, session.sessionId)
  return { lowered: lowered.length }
}

/**
 * A facilitator asks a muted member to unmute. Nothing is sent to LiveKit: the member sees the ask and decides.
 * Only a member a facilitator muted can be asked (CONFLICT otherwise).
 */
export async function askToUnmute(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; participantId: string },
): Promise<void> {
  const { session } = await requireFacilitator(deps, actor, input.sessionId)
  requireOpen(deps, session)
  await requireMemberParticipant(deps, session.sessionId, input.participantId)
  const p = await deps.sql.begin(async (tx) => {
    const changed = await q.markUnmuteAsked(tx, session.sessionId, input.participantId)
    if (!changed) throw new AppError('CONFLICT')
    await audit(tx, deps, actor, 'ask_unmute', session.sessionId, changed.id)
    return changed
  })
  tellParticipant(deps, session.sessionId, p)
  deps.realtime.emitToRoom(socketRooms.account(p.accountId), 'video:unmute-asked', { sessionId: session.sessionId })
  await announceLobby(deps, session.sessionId)
}

/**
 * The only way a member's publish permission opens: the member themselves, for their own participation — the first
 * time in a session (members start muted) or in answer to a facilitator's ask. While a facilitator holds them muted
 * without asking, it is refused with MUTED and LiveKit is not called.
 */
export async function unmuteSelf(deps: CoreDeps, actor: SessionAccount, input: { sessionId: string }): Promise<void> {
  const { session, participant } = await requireOwnAdmitted(deps, actor, input.sessionId)
  if (participant.mode === 'chat') throw new AppError('CONFLICT')
  if (participant.muted && !participant.unmuteAsked) throw new AppError('MUTED')
  const p = await q.openOwnMedia(deps.sql, participant.id)
  if (!p) throw new AppError('MUTED')
  // The choice is recorded first (it is the member's own); if LiveKit does not answer, the member is told to try
  // again, and their next token carries the permission anyway.
  await roomServiceFor(deps.config)
    ?.setCanPublish(session.livekitRoom, p.id, { canPublish: mayPublish(p), sources: publishSources(p.mode) })
    .catch((error: Error) => {
      deps.log.warn({ sessionId: session.sessionId, err: { message: error.message } }, 'livekit permission not updated')
      throw new AppError('UNAVAILABLE')
    })
  tellParticipant(deps, session.sessionId, p)
  await announceLobby(deps, session.sessionId)
}

/** The member declines the ask and stays muted. */
export async function declineUnmute(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string },
): Promise<void> {
  const { session, participant } = await requireOwnAdmitted(deps, actor, input.sessionId)
  const p = await q.clearUnmuteAsk(deps.sql, participant.id)
  if (!p) throw new AppError('CONFLICT')
  tellParticipant(deps, session.sessionId, p)
  await announceLobby(deps, session.sessionId)
}

// ── "stepping out" / "I'm not OK": to the facilitators only ────────────────────────────────────────────
export interface SessionSignalView {
  signalId: string
  name: string
  kind: WellbeingSignalKind
  at: string
  clinicianRequested: boolean
}

/**
 * An enrolled member tells the session's facilitators — and nobody else — that they are stepping out, are back, or
 * are not OK. Recorded (the facilitators' page lists it) and announced live to the facilitators' room only. A "not
 * OK" raises nothing by itself: the member's page shows the crisis lines and asks whether a clinician should contact
 * them (`requestClinicianAfterSignal`), as PHQ-9 item 9 does.
 */
export async function signalFacilitators(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; kind: WellbeingSignalKind },
): Promise<{ signalId: string }> {
  const { session, role, name } = await resolveContext(deps, actor, input.sessionId)
  if (role !== 'member') throw new AppError('FORBIDDEN')
  requireOpen(deps, session)
  const at = nowOf(deps)
  const signalId = await q.insertSignal(deps.sql, {
    sessionId: session.sessionId,
    accountId: actor.accountId,
    kind: input.kind,
    at,
  })
  deps.realtime.emitToRoom(videoRooms.facilitators(session.sessionId), 'wellbeing:signalled', {
    sessionId: session.sessionId,
    signal: { signalId, participantName: name, kind: input.kind, at: at.toISOString() },
  })
  return { signalId }
}

/** The facilitators' list of the session's signals (newest first); members get FORBIDDEN. */
export async function listSessionSignals(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
): Promise<SessionSignalView[]> {
  const { session } = await requireFacilitator(deps, actor, sessionId)
  return (await q.listSignals(deps.sql, session.sessionId)).map((r) => ({
    signalId: r.id,
    name: r.name,
    kind: r.kind,
    at: r.createdAt.toISOString(),
    clinicianRequested: r.clinicianRequested,
  }))
}

/** The member's own "not OK" signal, for the crisis question on their page (NOT_FOUND for anyone else's). */
export async function getOwnNotOkSignal(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; signalId: string },
): Promise<{ signalId: string; clinicianRequested: boolean }> {
  if (!UUID.test(input.sessionId) || !UUID.test(input.signalId)) throw new AppError('NOT_FOUND')
  const row = await q.findOwnSignal(deps.sql, actor.accountId, input.sessionId, input.signalId)
  if (!row || row.kind !== 'not_ok') throw new AppError('NOT_FOUND')
  return { signalId: row.id, clinicianRequested: row.clinicianRequestedAt !== null }
}

/**
 * The member said yes to "Would you like a clinician to contact you?" after "I'm not OK": a crisis is raised
 * (source self_care, level concern, as for a crisis-level journal entry) once per signal; a double submit returns the
 * same incident. The clinician gets only what the member wrote in the question's box.
 */
export async function requestClinicianAfterSignal(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string; signalId: string; message: string | null; country: string | null },
): Promise<{ incidentId: string | null; created: boolean }> {
  await getOwnNotOkSignal(deps, actor, input)
  return transaction(deps, async (tx) => {
    if (!(await q.claimSignalClinicianRequest(tx, input.signalId, nowOf(deps)))) {
      const row = await q.findOwnSignal(tx, actor.accountId, input.sessionId, input.signalId)
      return { incidentId: row?.incidentId ?? null, created: false }
    }
    const raised = await raiseCrisisInTransaction(tx, deps, {
      memberAccountId: actor.accountId,
      source: 'self_care',
      level: 'concern',
      reason: input.message,
      country: input.country,
    })
    await q.setSignalIncident(tx, input.signalId, raised.incidentId)
    return { incidentId: raised.incidentId, created: true }
  })
}

/** The member's part of "export my data": their private signals in group sessions (kind and times). */
export async function exportVideoData(deps: CoreDeps, accountId: string) {
  return (await q.selectSignalsExport(deps.sql, accountId)).map((r) => ({
    kind: r.kind,
    at: r.createdAt.toISOString(),
    clinicianRequestedAt: r.clinicianRequestedAt?.toISOString() ?? null,
  }))
}

// ── tokens ─────────────────────────────────────────────────────────────────────────────────────────────
/**
 * A LiveKit token for an admitted, enrolled person in an open session, for the room the server created, with
 * grants by role and state: facilitators administer the room; members publish only what their mode allows and
 * nothing while muted or chat-only; nobody records or creates rooms.
 */
export async function mintVideoToken(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { sessionId: string },
): Promise<VideoTokenGrant> {
  const settings = livekitSettings(deps.config)
  if (!settings) throw new AppError('UNAVAILABLE')
  const { session, role, name } = await resolveContext(deps, actor, input.sessionId)
  requireOpen(deps, session)
  const p = await q.findParticipant(deps.sql, session.sessionId, actor.accountId)
  if (!p || p.state !== 'admitted') throw new AppError('FORBIDDEN')
  await ensureRoom(deps, session).catch((error: Error) => {
    deps.log.warn({ sessionId: session.sessionId, err: { message: error.message } }, 'livekit room not created')
    throw new AppError('UNAVAILABLE')
  })
  const canPublish = mayPublish({ role, muted: p.muted, mode: p.mode, mediaOpened: p.mediaOpened })
  const sources = publishSources(p.mode)
  const grant = {
    room: session.livekitRoom,
    identity: p.id,
    name,
    roomAdmin: role === 'facilitator',
    canPublish: canPublish && sources.length > 0,
    canPublishSources: sources,
  }
  const token = await mintAccessToken(settings, grant)
  return {
    url: settings.url,
    token,
    room: grant.room,
    identity: grant.identity,
    canPublish: grant.canPublish,
    canPublishSources: grant.canPublish ? sources : [],
    roomAdmin: grant.roomAdmin,
    expiresInSeconds: TOKEN_TTL_SECONDS,
  }
}

// ── webhooks ───────────────────────────────────────────────────────────────────────────────────────────
export type WebhookOutcome = 'accepted' | 'ignored'

/**
 * A LiveKit webhook: the signature (JWT over the body's sha256) must verify, the event must be fresh, and its
 * id must be new — a forged, stale or replayed event is refused (UNAUTHENTICATED / CONFLICT) and changes
 * nothing. Joins and leaves become attendance rows.
 */
export async function receiveLivekitWebhook(
  deps: CoreDeps,
  rawBody: string,
  authorization: string | undefined,
): Promise<WebhookOutcome> {
  const settings = livekitSettings(deps.config)
  if (!settings) throw new AppError('NOT_FOUND')
  let event
  try {
    event = await verifyWebhook(settings, rawBody, authorization)
  } catch {
    throw new AppError('UNAUTHENTICATED')
  }
  const nowSeconds = nowOf(deps).getTime() / 1000
  if (!event.id || !event.createdAt || Math.abs(nowSeconds - event.createdAt) > WEBHOOK_MAX_AGE_SECONDS)
    throw new AppError('UNAUTHENTICATED')
  if (!(await q.recordWebhookEvent(deps.sql, event.id.slice(0, 100), event.event))) throw new AppError('CONFLICT')
  const sessionId = event.roomName ? await q.findSessionIdByRoom(deps.sql, event.roomName) : null
  if (!sessionId) return 'ignored'
  const at = new Date(event.createdAt * 1000)
  switch (event.event) {
    case 'participant_joined': {
      if (!event.participantIdentity || !UUID.test(event.participantIdentity)) return 'ignored'
      const joinedAt = event.participantJoinedAt ? new Date(event.participantJoinedAt * 1000) : at
      await q.insertAttendance(deps.sql, sessionId, event.participantIdentity, joinedAt)
      return 'accepted'
    }
    case 'participant_left':
    case 'participant_connection_aborted': {
      if (!event.participantIdentity || !UUID.test(event.participantIdentity)) return 'ignored'
      await q.closeAttendance(deps.sql, sessionId, event.participantIdentity, at)
      return 'accepted'
    }
    case 'room_finished':
      await q.closeAttendance(deps.sql, sessionId, null, at)
      return 'accepted'
    default:
      return 'ignored'
  }
}
