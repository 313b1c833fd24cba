import { z } from 'zod'
import type { CrisisCard } from '../contracts/socket-events.crisis.js'

export const MESSAGE_MAX_LENGTH = 4000
export const DEFAULT_RESPONSE_HOURS = 48

export const sendMessageSchema = z.object({
  body: z.string().trim().min(1, 'message_required').max(MESSAGE_MAX_LENGTH, 'message_too_long'),
  /** Generated when the form is rendered: a double submit of the same form creates one message. */
  clientId: z.string().uuid('BAD_REQUEST'),
})
export type SendMessageInput = z.infer<typeof sendMessageSchema>

export const threadIdSchema = z.string().uuid()

export type ThreadSide = 'member' | 'facilitator'

/** One message as a participant of the thread sees it. Authors are named by role-appropriate labels only. */
export interface ThreadMessage {
  id: string
  mine: boolean
  /** The member's group pseudonym or the facilitator's professional display name; null for the viewer's own. */
  author: string | null
  /** Written by one of the group's facilitators (the page marks them, issue 18). */
  byFacilitator: boolean
  body: string
  sentAt: string
  readAt: string | null
  /** In the viewer's own time zone and language. */
  sentLabel: string
  readLabel: string | null
}

export interface ThreadView {
  id: string
  viewerSide: ThreadSide
  groupId: string
  groupTitle: string
  /** Facilitators by display name (the member's view and the facilitator's both show them). */
  facilitatorNames: string[]
  /** The member's group pseudonym (never their account name). */
  memberPseudonym: string
  responseHours: number
  /** False once the member has left the group: both sides can still read, nobody can send. */
  canSend: boolean
  messages: ThreadMessage[]
}

/** A thread before its first message, for the member's "Message the facilitator" page. */
export interface NewThreadView {
  groupId: string
  groupTitle: string
  facilitatorNames: string[]
  responseHours: number
}

export interface InboxThread {
  id: string
  groupTitle: string
  /** Members see the facilitators' names; facilitators see the member's group pseudonym. */
  withName: string
  unread: number
  lastMessageAt: string
  lastMessageLabel: string
  /** Facilitators only: when the oldest unanswered member message was sent. */
  waitingSince: string | null
  waitingLabel: string | null
  overdue: boolean
  canSend: boolean
}

export interface Inbox {
  asMember: InboxThread[]
  asFacilitator: InboxThread[]
}

export interface SendResult {
  threadId: string
  messageId: string
  /** True when this submit created the message (false: a resend of one already stored). */
  created: boolean
  crisis: CrisisCard | null
}
