import type { Sql } from '../../db/client.js'

/**
 * The retention purge's statements. Each touches at most `limit` rows and is its own short transaction, so a
 * purge never holds long locks on chat; each only picks rows still due, so running it again finds nothing.
 */

/**
 * Text of messages whose author deleted them more than the grace period ago, and of hidden or removed messages
 * past the appeal window, is cleared (the row keeps its seq, author and times); their earlier versions go too.
 * A message with an open flag or a pending appeal keeps its text until that is decided.
 */
export async function purgeMessageText(
  sql: Sql,
  input: { deletedBefore: Date; moderatedBefore: Date; now: Date; limit: number },
): Promise<{ messages: number; revisions: number }> {
  return sql.begin(async (tx) => {
    const ids = await tx<{ id: string }[]>`
      select m.id from messages m
      where m.body is not null
        and ((m.deleted_at is not null and m.deleted_at < ${input.deletedBefore})
          or (m.deleted_at is null and m.moderation_status in ('hidden', 'removed') and m.moderated_at < ${input.moderatedBefore}))
        and not exists (select 1 from moderation_flags f where f.message_id = m.id and f.status = 'open')
        and not exists (select 1 from moderation_appeals a where a.message_id = m.id and a.status = 'pending')
      order by coalesce(m.deleted_at, m.moderated_at)
      limit ${input.limit}
      for update of m skip locked`
    if (ids.length === 0) return { messages: 0, revisions: 0 }
    const list = ids.map((r) => r.id)
    const revisions = await tx`delete from message_revisions where message_id = any(${list}::uuid[])`
    const messages = await tx`update messages set body = null, purged_at = ${input.now} where id = any(${list}::uuid[])`
    return { messages: messages.count, revisions: revisions.count }
  })
}

/**
 * Chat messages written before `before` are deleted (their flags, reports and revisions go with them), except
 * a message that raised or fed a crisis incident still open.
 */
export async function deleteOldMessages(sql: Sql, input: { before: Date; limit: number }): Promise<number> {
  const rows = await sql`
    delete from messages where id in (
      select m.id from messages m
      where m.created_at < ${input.before}
        and not exists (
          select 1 from crisis_signals s join crisis_incidents i on i.id = s.incident_id
          where s.message_id = m.id and i.status <> 'resolved')
      order by m.created_at
      limit ${input.limit}
      for update of m skip locked)`
  return rows.count
}

/**
 * Incidents resolved before `before`: the crisis chat and clinicians' notes are deleted and the signals' free-text
 * reasons cleared. The incident itself (times, level, outcome) and its content-free timeline stay.
 */
export async function purgeResolvedIncidentDetail(
  sql: Sql,
  input: { before: Date; limit: number },
): Promise<{ chatMessages: number; notes: number; signalReasons: number }> {
  return sql.begin(async (tx) => {
    const chat = await tx`
      delete from crisis_chat_messages where id in (
        select c.id from crisis_chat_messages c join crisis_incidents i on i.id = c.incident_id
        where i.status = 'resolved' and i.resolved_at < ${input.before}
        limit ${input.limit})`
    const notes = await tx`
      delete from crisis_notes where id in (
        select n.id from crisis_notes n join crisis_incidents i on i.id = n.incident_id
        where i.status = 'resolved' and i.resolved_at < ${input.before}
        limit ${input.limit})`
    const reasons = await tx`
      update crisis_signals set reason = null where id in (
        select s.id from crisis_signals s join crisis_incidents i on i.id = s.incident_id
        where i.status = 'resolved' and i.resolved_at < ${input.before} and s.reason is not null
        limit ${input.limit})`
    return { chatMessages: chat.count, notes: notes.count, signalReasons: reasons.count }
  })
}

/**
 * Private messages (core/messages) written before `before` are deleted, except in a thread where a message raised or
 * fed a crisis incident still open (the clinician reads the messages around it). Their email receipts go with them.
 */
export async function deleteOldPrivateMessages(sql: Sql, input: { before: Date; limit: number }): Promise<number> {
  const rows = await sql`
    delete from direct_messages where id in (
      select m.id from direct_messages m
      where m.created_at < ${input.before}
        and not exists (
          select 1 from crisis_signals s
          join crisis_incidents i on i.id = s.incident_id
          join direct_messages t on t.id = s.message_id
          where s.source = 'direct_message' and t.thread_id = m.thread_id and i.status <> 'resolved')
      order by m.created_at
      limit ${input.limit}
      for update of m skip locked)`
  return rows.count
}

/** Threads left without messages whose last message was before `before` (a new message opens a new thread). */
export async function deleteEmptyPrivateThreads(sql: Sql, input: { before: Date; limit: number }): Promise<number> {
  const rows = await sql`
    delete from message_threads where id in (
      select t.id from message_threads t
      where t.last_message_at < ${input.before}
        and not exists (select 1 from direct_messages m where m.thread_id = t.id)
      limit ${input.limit}
      for update of t skip locked)`
  return rows.count
}

/** Sign-up requests whose emailed link expired before `now` (sign-up deletes them lazily too; this catches the rest). */
export async function deleteExpiredSignUpRequests(sql: Sql, input: { now: Date; limit: number }): Promise<number> {
  const rows = await sql`
    delete from signup_requests where id in (
      select id from signup_requests where expires_at <= ${input.now}
      limit ${input.limit})`
  return rows.count
}

/** Sessions that expired or were revoked before `before`, and password-reset links that expired before it. */
export async function deleteEndedSessions(sql: Sql, input: { before: Date; limit: number }): Promise<number> {
  const sessions = await sql`
    delete from sessions where id in (
      select id from sessions where expires_at < ${input.before} or revoked_at < ${input.before}
      limit ${input.limit})`
  const resets = await sql`
    delete from password_resets where request_id in (
      select request_id from password_resets where expires_at < ${input.before}
      limit ${input.limit})`
  return sessions.count + resets.count
}

/** Storage keys of library files whose row is gone, oldest first. */
export async function dueStorageDeletions(sql: Sql, limit: number): Promise<string[]> {
  const rows = await sql<{ storageKey: string }[]>`
    select storage_key as "storageKey" from storage_deletions order by queued_at, storage_key limit ${limit}`
  return rows.map((r) => r.storageKey)
}

export async function forgetStorageDeletion(sql: Sql, storageKey: string): Promise<void> {
  await sql`delete from storage_deletions where storage_key = ${storageKey}`
}
