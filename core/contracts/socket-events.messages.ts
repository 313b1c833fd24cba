/** Private messages: no requests over the socket (sending is a form post); announcements carry the thread id only. */
export type MessagesClientEvents = Record<never, never>

export interface MessagesServerEvents {
  /** To both sides' own account rooms: a message was sent or read in this thread. The page re-reads it. */
  'thread:updated': (payload: { threadId: string }) => void
}
