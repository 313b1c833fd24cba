import type { CrisisCard } from '../contracts/socket-events.crisis.js'
import type { CoreDeps } from '../deps.js'
import type { IncidentAnnouncement } from '../contracts/socket-events.crisis.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import type { IncidentRow } from './crisis.queries.js'

/** Sockets of clinicians and admins join this room (server/gateway/handlers/crisis.ts). */
export const CLINICIANS_ROOM = 'clinicians'

/** What the console sees of an incident: its label, never the member's account. */
export function announcementOf(
  incident: Pick<IncidentRow, 'id' | 'memberLabel' | 'level' | 'status' | 'escalationLevel' | 'escalationRepeat'>,
): IncidentAnnouncement {
  return {
    incidentId: incident.id,
    memberLabel: incident.memberLabel,
    level: incident.level,
    status: incident.status,
    escalationLevel: incident.escalationLevel,
    repeat: incident.escalationRepeat,
  }
}

export function announceToClinicians(
  deps: CoreDeps,
  event: 'incident:paged' | 'incident:updated',
  incident: Parameters<typeof announcementOf>[0],
) {
  deps.realtime.emitToRoom(CLINICIANS_ROOM, event, announcementOf(incident))
}

/** Only the member's own sockets: the card and its status are never shown to anyone else. */
export function tellMember(deps: CoreDeps, memberAccountId: string, incidentId: string, status: IncidentRow['status']) {
  deps.realtime.emitToRoom(socketRooms.account(memberAccountId), 'crisis:status', { incidentId, status })
}

/** The crisis card, to the member's own sockets only (every tab, every server process). */
export function tellMemberCard(deps: CoreDeps, memberAccountId: string, card: CrisisCard) {
  deps.realtime.emitToRoom(socketRooms.account(memberAccountId), 'crisis:card', card)
}

export function announceChat(deps: CoreDeps, memberAccountId: string, incidentId: string) {
  deps.realtime.emitToRoom(socketRooms.account(memberAccountId), 'crisis:message', { incidentId })
  deps.realtime.emitToRoom(CLINICIANS_ROOM, 'crisis:message', { incidentId })
}
