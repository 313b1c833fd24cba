import type { TransactionSql } from '../../db/client.js'
import { afterCommit, NotCommitted, pipelinedTransaction, transaction } from '../after-commit.js'
import { announceCommitted } from './chat.broadcast.js'
import type { ChatMessage } from '../contracts/socket-events.chat.js'
import { SEND_STEP_DEADLINE_MS } from '../deadline.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import * as q from './chat.queries.js'
import type { PersistHook, SendContext } from './send-pipeline.js'

/**
 * Group commit (docs/decisions/031-chat-fast-path.md): the sends for one room that reach `persist` in this process
 * while the room's previous transaction is running (or in the same tick) are written together, in one transaction:
 * one statement locks the room and finds resends, one inserts every message with its seq and moves the room's
 * last seq, then each message's persist hooks (crisis raise, moderation flag) run in that same transaction. So a
 * message and the crisis it raises still commit together, seqs stay gapless, and an ack still means stored.
 *
 * If the shared transaction fails for any reason (a hook refused one message, a send was abandoned past its
 * deadline, a resend committed by another process meanwhile), nothing of it is stored and each send is written
 * again in a transaction of its own, exactly as a lone send is: one message's failure never fails another's.
 *
 * When no persist hook has work for any send of the batch (`appliesTo`: no crisis reading, no hold or flag), the
 * batch is one autocommit statement instead (`writeAlone`, docs/decisions/050-one-round-trip-send.md): one round
 * trip moves the room's seq and inserts every message; a resend fails it whole (no seq lost) and each send is then
 * written again alone, the resend answered with its original.
 */
export type PersistOutcome = { stored: q.StoredValues } | { replayed: true }

interface Pending {
  ctx: SendContext
  hooks: readonly PersistHook[]
  resolve: (outcome: PersistOutcome) => void
  reject: (error: unknown) => void
}

interface RoomQueue {
  waiting: Pending[]
  running: boolean
}

/** Per database (tests run several in one process): its rooms' queues, and whether a turn is due to write them. */
interface Writer {
  rooms: Map<string, RoomQueue>
  scheduled: boolean
  /** A statement of plain sends is on its way: the next plain sends wait for it, and then go together. */
  plainRunning: boolean
}
const writers = new WeakMap<object, Writer>()
/** The most sends one transaction writes; the rest wait for the next one. */
const MAX_BATCH = 256

export function persistGrouped(ctx: SendContext, hooks: readonly PersistHook[]): Promise<PersistOutcome> {
  const roomId = ctx.room!.id
  let writer = writers.get(ctx.deps.sql)
  if (!writer) writers.set(ctx.deps.sql, (writer = { rooms: new Map(), scheduled: false, plainRunning: false }))
  let room = writer.rooms.get(roomId)
  if (!room) writer.rooms.set(roomId, (room = { waiting: [], running: false }))
  const queue = room
  const promise = new Promise<PersistOutcome>((resolve, reject) => {
    queue.waiting.push({ ctx, hooks, resolve, reject })
  })
  schedule(writer)
  return promise
}

/** The same turn's sends (and rooms whose previous write just ended) are written in the next check phase. */
function schedule(writer: Writer): void {
  if (writer.scheduled) return
  writer.scheduled = true
  setImmediate(() => writeWaiting(writer))
}

/**
 * One turn's writes: every room with waiting sends and nothing running takes its next batch. Batches with hook work
 * run their room's transaction; every batch without (the common case) goes into one autocommit statement together
 * with the other rooms' (decision 065), so a turn that has sends for many rooms costs one round trip, not one per
 * room. One such statement is on its way at a time: the plain sends that arrive meanwhile, for any room, wait for it
 * and then share the next one (group commit across rooms: the busier the server, the more each statement carries).
 * A room runs one write at a time, so its seqs and its announcements keep their order.
 */
function writeWaiting(writer: Writer): void {
  writer.scheduled = false
  const plain: Pending[][] = []
  const plainRooms: RoomQueue[] = []
  for (const [roomId, room] of writer.rooms) {
    if (room.running) continue
    // Only a send with hook work (its own transaction) goes past the plain statement on its way.
    if (writer.plainRunning && !room.waiting.some(hasHookWork)) continue
    const batch: Pending[] = []
    while (batch.length === 0 && room.waiting.length > 0) {
      for (const item of room.waiting.splice(0, MAX_BATCH)) {
        // Answered UNAVAILABLE while it waited (decision 025): never stored.
        if (item.ctx.abandoned) item.reject(new AppError('UNAVAILABLE'))
        else batch.push(item)
      }
    }
    if (batch.length === 0) {
      writer.rooms.delete(roomId)
      continue
    }
    if (!batch.some(hasHookWork) && writer.plainRunning) {
      // Its send with hook work was abandoned meanwhile: the rest waits for the plain statement on its way.
      room.waiting.unshift(...batch)
      continue
    }
    room.running = true
    if (!batch.some(hasHookWork)) {
      plain.push(batch)
      plainRooms.push(room)
      continue
    }
    const written =
      batch.length === 1 ? settle(batch[0]!, persistOne(batch[0]!.ctx, batch[0]!.hooks)) : persistBatch(batch)
    void finished(writer, batch[0]!.ctx.deps, [room], written)
  }
  if (plain.length > 0) {
    writer.plainRunning = true
    const written = plain.length === 1 ? writeAlone(plain[0]!) : writeRooms(plain)
    void finished(
      writer,
      plain[0]![0]!.ctx.deps,
      plainRooms,
      written.finally(() => (writer.plainRunning = false)),
    )
  }
}

/** A room's write ended (its sends are answered): its next sends go in the next turn. */
async function finished(writer: Writer, deps: CoreDeps, rooms: RoomQueue[], written: Promise<void>): Promise<void> {
  try {
    await written
  } catch (error) {
    // Not expected (every write answers its sends itself); the sends still waiting meet their deadline.
    deps.log.error({ err: { message: (error as Error).message } }, 'chat write failed unexpectedly')
  }
  for (const room of rooms) room.running = false
  schedule(writer)
}

/** The rows a plain statement writes for a room's batch, in the batch's order. */
const rowsToWrite = (batch: readonly Pending[]) =>
  batch.map(({ ctx }) => ({
    clientId: ctx.input.clientId,
    body: ctx.body!,
    held: ctx.storeHeld === true,
    member: ctx.membership!,
  }))

async function settle(item: Pending, outcome: Promise<PersistOutcome>): Promise<void> {
  await outcome.then(item.resolve, item.reject)
}

/** Whether a persist hook has work for this send (a hook that cannot say always has). */
const applies = (hook: PersistHook, ctx: SendContext) => !hook.appliesTo || hook.appliesTo(ctx)
const hasHookWork = (item: Pending) => item.hooks.some((hook) => applies(hook, item.ctx))

/**
 * The hooks' work that needs no message, sent right behind the statement that locks the room (`alongside`). Settles
 * when all of it has answered (failures are the hooks' to see), so the hooks then start with their answers in hand and
 * their own statements leave together.
 */
function startAlongside(tx: TransactionSql, ctx: SendContext, hooks: readonly PersistHook[]): Promise<unknown> {
  const started = hooks.filter((hook) => hook.alongside && applies(hook, ctx)).map((hook) => hook.alongside!(tx, ctx))
  return Promise.allSettled(started)
}

/**
 * How long after sending the one statement PostgreSQL may still store it (its own clock); and how much longer the
 * send waits for the answer before it is abandoned (an answer on its way, clocks a little apart). Decision 050.
 */
export const STATEMENT_CUTOFF_MS = SEND_STEP_DEADLINE_MS
export const STATEMENT_ANSWER_GRACE_MS = 1_000

/** PostgreSQL's clock minus this server's, per database, measured in the background at first use and every minute. */
const clockOffsets = new WeakMap<object, { offsetMs: number; measuredAt: number; measuring: boolean }>()
const CLOCK_OFFSET_EVERY_MS = 60_000

/** The last measured difference (0 until the first measurement answers); never waits, so the send is not delayed. */
function dbClockOffset(sql: Parameters<typeof q.measureDbClockOffset>[0]): number {
  let known = clockOffsets.get(sql)
  if (!known) clockOffsets.set(sql, (known = { offsetMs: 0, measuredAt: 0, measuring: false }))
  const entry = known
  if (!entry.measuring && Date.now() - entry.measuredAt >= CLOCK_OFFSET_EVERY_MS) {
    entry.measuring = true
    q.measureDbClockOffset(sql).then(
      (offsetMs) => Object.assign(entry, { offsetMs, measuredAt: Date.now(), measuring: false }),
      () => (entry.measuring = false),
    )
  }
  return entry.offsetMs
}

/**
 * Sends with no hook work, in one autocommit statement (decision 050). A send abandoned before the statement is sent
 * is never sent; once sent, it is waited for until PostgreSQL's cutoff has passed (plus a grace), so a paused
 * PostgreSQL still answers UNAVAILABLE and, when it runs the statement late, stores nothing.
 */
async function writeAlone(batch: Pending[]): Promise<void> {
  const { deps, room } = batch[0]!.ctx
  const roomId = room!.id
  const now = nowOf(deps)
  const sentAt = Date.now()
  // The cutoff is read on PostgreSQL's clock: this server's clock moved by their measured difference, so a database
  // clock a few seconds ahead does not refuse every plain send.
  const cutoff = new Date(sentAt + dbClockOffset(deps.sql) + STATEMENT_CUTOFF_MS)
  // Marked and sent in the same tick as the abandoned check above (drain), so no deadline falls in between.
  for (const item of batch) item.ctx.statementAnswerBy = sentAt + STATEMENT_CUTOFF_MS + STATEMENT_ANSWER_GRACE_MS
  let written: Array<{ id: string; seq: number }>
  try {
    written = await q.insertMessagesAlone(deps.sql, {
      roomId,
      now,
      cutoff,
      rows: rowsToWrite(batch),
    })
  } catch (error) {
    if (q.isPastCutoff(error)) {
      // PostgreSQL ran it past the cutoff and stored nothing: the sender was (or is now) told UNAVAILABLE.
      if (Date.now() < sentAt + STATEMENT_CUTOFF_MS) {
        deps.log.error({ roomId }, 'chat statement refused before its cutoff: has the database clock jumped?')
        // Measure the clocks' difference again now rather than at the next minute.
        clockOffsets.delete(deps.sql)
      }
      for (const item of batch) {
        item.ctx.abandoned = true
        item.reject(new AppError('UNAVAILABLE'))
      }
      return
    }
    // A resend alone: its original answers it. Nothing of a failed statement was stored.
    if (batch.length === 1) {
      if (q.isResendConflict(error)) batch[0]!.resolve({ replayed: true })
      else batch[0]!.reject(error)
      return
    }
    if (!q.isResendConflict(error))
      deps.log.warn(
        { roomId, size: batch.length, err: { message: (error as Error).message } },
        'chat one-statement batch fell back to single sends',
      )
    // Each on its own, in the same order: the resend (or the failing one) fails alone.
    for (const item of batch) {
      if (item.ctx.abandoned) item.reject(new AppError('UNAVAILABLE'))
      else await writeAlone([item])
    }
    return
  }
  answerWritten(batch, written, now)
}

/** A room's sends written by one statement: each answered with the values written, the room's batch announced. */
function answerWritten(batch: Pending[], written: ReadonlyArray<{ id: string; seq: number }>, now: Date): void {
  const { deps, room } = batch[0]!.ctx
  const roomId = room!.id
  // The room is gone (deleted while the send ran): nothing stored.
  if (written.length !== batch.length) {
    for (const item of batch) item.reject(new AppError('NOT_FOUND'))
    return
  }
  const stored = batch.map((item, n): { item: Pending; values: q.StoredValues } => ({
    item,
    values: {
      id: written[n]!.id,
      roomId,
      seq: written[n]!.seq,
      clientId: item.ctx.input.clientId,
      body: item.ctx.body!,
      now,
      held: item.ctx.storeHeld === true,
      member: item.ctx.membership!,
    },
  }))
  // Right after the commit, as the transaction path's after-commit queue does (decision 046).
  const announced = announceCommitted(
    deps,
    roomId,
    stored.map((s) => q.storedMessage(s.values)),
  )
  for (const { item, values } of stored) {
    item.ctx.announced = announced
    item.resolve({ stored: values })
  }
}

/**
 * Several rooms' plain batches of one turn, in one autocommit statement (decision 065), with the guarantees of
 * `writeAlone` for each: gapless seqs per room, the cutoff, nothing stored when it fails. When it fails for any other
 * reason than the cutoff (a resend in one room, a room deleted meanwhile, a deadlock with another process's
 * statement), nothing of it was stored and each room's batch is written again on its own, as `writeAlone` does.
 */
async function writeRooms(groups: Pending[][]): Promise<void> {
  const { deps } = groups[0]![0]!.ctx
  const now = nowOf(deps)
  const sentAt = Date.now()
  const cutoff = new Date(sentAt + dbClockOffset(deps.sql) + STATEMENT_CUTOFF_MS)
  // Every room's sends in the same order of rooms in every process (by id), so two processes lock rooms alike.
  const sorted = [...groups].sort((a, b) => (a[0]!.ctx.room!.id < b[0]!.ctx.room!.id ? -1 : 1))
  for (const group of sorted)
    for (const item of group) item.ctx.statementAnswerBy = sentAt + STATEMENT_CUTOFF_MS + STATEMENT_ANSWER_GRACE_MS
  let written: Map<string, Array<{ id: string; seq: number }>>
  try {
    written = await q.insertRoomsAlone(deps.sql, {
      now,
      cutoff,
      rooms: sorted.map((group) => ({
        roomId: group[0]!.ctx.room!.id,
        rows: rowsToWrite(group),
      })),
    })
  } catch (error) {
    if (q.isPastCutoff(error)) {
      // PostgreSQL ran it past the cutoff and stored nothing: every sender was (or is now) told UNAVAILABLE.
      for (const item of sorted.flat()) {
        item.ctx.abandoned = true
        item.reject(new AppError('UNAVAILABLE'))
      }
      return
    }
    if (!q.isResendConflict(error))
      deps.log.warn(
        { rooms: sorted.length, err: { message: (error as Error).message } },
        'chat rooms statement fell back to one statement per room',
      )
    for (const group of sorted) {
      const kept = group.filter((item) => {
        if (item.ctx.abandoned) item.reject(new AppError('UNAVAILABLE'))
        return !item.ctx.abandoned
      })
      if (kept.length > 0) await writeAlone(kept)
    }
    return
  }
  for (const group of sorted) answerWritten(group, written.get(group[0]!.ctx.room!.id) ?? [], now)
}

class Replayed extends Error {}
class BatchFailed extends Error {}

/**
 * One send in its own transaction: the room row lock first, so a racing resend waits and then finds its twin. BEGIN
 * leaves with the insert and COMMIT with the hooks' last statements (`pipelinedTransaction`, decision 073). When one of
 * those statements failed (a concurrent raise committed the member's open incident first), PostgreSQL rolled it all
 * back and nothing was announced: the send is written once more with every statement awaited before COMMIT, as before
 * decision 073, where the raise attaches to that incident.
 */
export async function persistOne(ctx: SendContext, hooks: readonly PersistHook[]): Promise<PersistOutcome> {
  try {
    return await writeOne(ctx, hooks, pipelinedTransaction)
  } catch (error) {
    if (!(error instanceof NotCommitted)) throw error
    ctx.committing = false
    ctx.deps.log.info(
      { roomId: ctx.room!.id, err: { message: error.message } },
      'chat send rolled back at its pipelined COMMIT, written again',
    )
    return writeOne(ctx, hooks, transaction)
  }
}

async function writeOne(
  ctx: SendContext,
  hooks: readonly PersistHook[],
  inTransaction: typeof transaction,
): Promise<PersistOutcome> {
  const { deps, room, membership } = ctx
  const now = nowOf(deps)
  const held = ctx.storeHeld === true
  try {
    const stored = await inTransaction(deps, async (tx) => {
      const inserting = q.insertNextMessage(tx, {
        roomId: room!.id,
        membershipId: membership!.id,
        clientId: ctx.input.clientId,
        body: ctx.body!,
        now,
        held,
      })
      // The hooks' reads that need no message go out with the insert, in its round trip (after it: the room's lock first).
      const alongside = startAlongside(tx, ctx, hooks)
      const { id, seq } = await inserting
      await alongside
      if (seq === null) throw new AppError('NOT_FOUND')
      // A resend of a stored message: nothing written, the room's seq goes back with the rollback.
      if (!id) throw new Replayed()
      const values: q.StoredValues = {
        id,
        roomId: room!.id,
        seq,
        clientId: ctx.input.clientId,
        body: ctx.body!,
        now,
        held,
        member: membership!,
      }
      const message = await runHooks(tx, ctx, hooks, values)
      announceAfterCommit(tx, [{ ctx, message }])
      // A PostgreSQL that stalled this send past its deadline: its sender was told it was not sent, so roll back.
      if (ctx.abandoned) throw new AppError('UNAVAILABLE')
      ctx.committing = true
      return values
    })
    return { stored }
  } catch (error) {
    if (error instanceof Replayed) return { replayed: true }
    throw error
  }
}

async function runHooks(
  tx: TransactionSql,
  ctx: SendContext,
  hooks: readonly PersistHook[],
  values: q.StoredValues,
): Promise<ChatMessage> {
  // What the room sees (no text when held); built from the values written, never read back.
  const message: ChatMessage = q.storedMessage(values)
  // Started in the written order without waiting for each other (no hook reads another's rows), so their statements
  // share a round trip: the raise's incident and moderation's flag leave together (decision 069). Every hook is
  // waited for before the transaction goes on, and the first failure fails it.
  const outcomes = await Promise.allSettled(hooks.map((hook) => hook(tx, { ...ctx, message })))
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
  if (failed) throw failed.reason
  return message
}

/**
 * The room's announcement of what this transaction stores, handed over right after COMMIT (after the hooks' own
 * announcements: the crisis card and the console first) and never after a rollback. Not waited for here, so the
 * room's next transaction need not wait for Redis; each send's `broadcast` step waits for it (decision 046).
 */
function announceAfterCommit(tx: TransactionSql, stored: Array<{ ctx: SendContext; message: ChatMessage }>) {
  if (stored.length === 0) return
  afterCommit(tx, () => {
    const { deps, room } = stored[0]!.ctx
    const announced = announceCommitted(
      deps,
      room!.id,
      stored.map((s) => s.message),
    )
    for (const { ctx } of stored) ctx.announced = announced
  })
}

async function persistBatch(batch: Pending[]): Promise<void> {
  for (;;) {
    try {
      const outcomes = await commitBatch(batch)
      for (const item of batch) item.resolve(outcomes.get(item)!)
      return
    } catch (error) {
      for (const item of batch) item.ctx.committing = false
      if (error instanceof BatchFailed) {
        // Some sends were answered UNAVAILABLE while the batch ran (decision 025): the others go again together.
        const kept = batch.filter((item) => !item.ctx.abandoned)
        for (const item of batch) if (item.ctx.abandoned) item.reject(new AppError('UNAVAILABLE'))
        if (kept.length > 1) {
          batch = kept
          continue
        }
        if (kept.length === 1) await settle(kept[0]!, persistOne(kept[0]!.ctx, kept[0]!.hooks))
        return
      }
      // Nothing of the batch was stored: each send on its own, as a lone send (its own errors, its own deadline).
      const { deps, room } = batch[0]!.ctx
      deps.log.warn(
        { roomId: room!.id, size: batch.length, err: { message: (error as Error).message } },
        'chat group commit fell back to single sends',
      )
      for (const item of batch) await settle(item, persistOne(item.ctx, item.hooks))
      return
    }
  }
}

async function commitBatch(batch: Pending[]): Promise<Map<Pending, PersistOutcome>> {
  const { deps, room } = batch[0]!.ctx
  const roomId = room!.id
  const now = nowOf(deps)
  // A failure, a rolled-back pipelined COMMIT included, makes each send go again on its own (persistBatch).
  return pipelinedTransaction(deps, async (tx) => {
    const result = new Map<Pending, PersistOutcome>()
    const locking = q.lockRoomForBatch(
      tx,
      roomId,
      batch.map((p) => ({ membershipId: p.ctx.membership!.id, clientId: p.ctx.input.clientId })),
    )
    const alongside = Promise.all(batch.map((item) => startAlongside(tx, item.ctx, item.hooks)))
    const { lastSeq, existing } = await locking
    await alongside
    const seen = new Set(existing)
    const fresh: Array<{ item: Pending; values: Omit<q.StoredValues, 'id'> }> = []
    for (const item of batch) {
      const key = `${item.ctx.membership!.id}:${item.ctx.input.clientId}`
      // Stored before, or twice in this batch: a resend, answered with the stored message.
      if (seen.has(key)) {
        result.set(item, { replayed: true })
        continue
      }
      seen.add(key)
      const { ctx } = item
      fresh.push({
        item,
        values: {
          roomId,
          seq: lastSeq + fresh.length + 1,
          clientId: ctx.input.clientId,
          body: ctx.body!,
          now,
          held: ctx.storeHeld === true,
          member: ctx.membership!,
        },
      })
    }
    if (fresh.length > 0) {
      const ids = await q.insertBatch(
        tx,
        roomId,
        lastSeq + fresh.length,
        fresh.map((f) => f.values),
      )
      const announced: Array<{ ctx: SendContext; message: ChatMessage }> = []
      for (const [n, { item, values }] of fresh.entries()) {
        const stored = { ...values, id: ids[n]! }
        announced.push({ ctx: item.ctx, message: await runHooks(tx, item.ctx, item.hooks, stored) })
        result.set(item, { stored })
      }
      announceAfterCommit(tx, announced)
    }
    if (batch.some((p) => p.ctx.abandoned)) throw new BatchFailed()
    for (const item of batch) item.ctx.committing = true
    return result
  })
}
