import type { AckCallback } from './socket-events.js'

export type CrisisRiskLevel = 'concern' | 'high' | 'imminent'
export type CrisisStatus = 'open' | 'acknowledged' | 'resolved'

export interface CrisisLine {
  id: string
  country: string
  /** The line's name in each page language (the wording follows the page, the lines follow the country). */
  names: { en: string; pl: string }
  phone: string | null
  text: string | null
  url: string | null
  hours: string
  languages: string[]
  forYoungPeople: boolean
}

/** What the member's crisis card shows: lines for their country first, then the international fallback. */
export interface CrisisCard {
  /** null when the card is shown without an incident (risk level "concern": nobody is paged). */
  incidentId: string | null
  status: CrisisStatus | null
  country: string | null
  local: CrisisLine[]
  international: CrisisLine[]
  checkedOn: string
}

/** To the member's own account room only. No names, no content. */
export interface CrisisStatusEvent {
  incidentId: string
  status: CrisisStatus
}

/** To the `clinicians` room. The member appears only by the incident's label, never by account. */
export interface IncidentAnnouncement {
  incidentId: string
  memberLabel: string
  level: CrisisRiskLevel
  status: CrisisStatus
  escalationLevel: number
  repeat: number
}

export interface CrisisClientEvents {
  'crisis:help': (payload: Record<string, never>, ack: AckCallback<CrisisCard>) => void
}

export interface CrisisServerEvents {
  'crisis:status': (payload: CrisisStatusEvent) => void
  /** The crisis card after one of the member's own chat messages showed risk. Only to that member. */
  'crisis:card': (payload: CrisisCard) => void
  'crisis:message': (payload: { incidentId: string }) => void
  'incident:paged': (payload: IncidentAnnouncement) => void
  'incident:updated': (payload: IncidentAnnouncement) => void
}
