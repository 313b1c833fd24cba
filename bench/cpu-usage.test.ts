import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it, inject } from 'vitest'
import { createTestDatabase } from '../tests/support/database.js'
import { coresBetween, sampleCpu } from './cpu-usage.js'
import {
  checkpointsBetween,
  perMessage,
  sampleBackends,
  sampleCheckpointer,
  sampleWal,
  walBetween,
} from './round-trips.js'

/**
 * A process that burns `ms` of its own CPU time (not wall time), says so, and stays alive; with `child`, it first
 * starts a second burner of its own, so the grouping by ancestry is exercised.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'hs-cpu-'))
const burner = path.join(dir, 'burner.cjs')
writeFileSync(
  burner,
  `const { fork } = require('node:child_process')
const burn = (ms) => { const start = process.cpuUsage(); let x = 0
  while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < ms) x += Math.sqrt(x + 1) }
const [ms, withChild] = process.argv.slice(2)
const go = () => { burn(Number(ms)); process.send({ burned: true }) }
// Gone with its parent: a killed parent closes the IPC channel.
process.on('disconnect', () => process.exit(0))
if (withChild === 'child') { const c = fork(__filename, [ms, 'none']); c.once('message', go) }
else go()
setInterval(() => {}, 1000)`,
)
const started: ChildProcess[] = []
afterAll(() => {
  for (const child of started) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startBurner(ms: number, withChild: boolean): Promise<ChildProcess> {
  const child = fork(burner, [String(ms), withChild ? 'child' : 'none'])
  started.push(child)
  return new Promise((resolve) => child.once('message', () => resolve(child)))
}

describe('the bench counts the cores of the processes it started, by kind', () => {
  it('puts a known process and its descendants under their kind and the rest of the machine apart', async () => {
    const before = await sampleCpu(new Map())
    const child = await startBurner(300, true)
    const after = await sampleCpu(new Map([[child.pid!, 'burner']]))
    // The burner and the burner it started each used at least 300 ms of CPU, all counted as 'burner'.
    expect(after.byKind.burner).toBeGreaterThanOrEqual(600)
    const cores = coresBetween(before, after)
    expect(cores.burner).toBeGreaterThan(0)
    expect(cores.notBench).toBeGreaterThanOrEqual(0)
    child.kill('SIGKILL')
  }, 60_000)

  it('leaves out processes it did not start', async () => {
    const child = await startBurner(100, false)
    // Sampled from another root, the burner (a child of this test process) is not counted at all.
    const sample = await sampleCpu(new Map([[child.pid!, 'burner']]), child.pid!)
    expect(sample.byKind.burner).toBeUndefined()
    child.kill('SIGKILL')
  }, 60_000)
})

describe('the bench counts the backends’ work per message', () => {
  it('reads Redis command counts and PostgreSQL transactions, and divides the difference by the messages', async () => {
    const redis = new Redis(inject('redisUrl'))
    const db = await createTestDatabase()
    try {
      const before = await sampleBackends(redis, db.sql)
      for (let i = 0; i < 20; i++) await redis.exists(`bench-cpu-usage-test-${i}`)
      await db.sql.begin(async (tx) => {
        await tx`select 1`
      })
      await db.sql`select pg_stat_force_next_flush()`
      await expect
        .poll(async () => (await sampleBackends(redis, db.sql)).pgTransactions - before.pgTransactions, {
          timeout: 20_000,
        })
        .toBeGreaterThanOrEqual(1)
      const after = await sampleBackends(redis, db.sql)
      // Other tests share this Redis: at least our 20 EXISTS were counted.
      expect(after.redis.exists! - (before.redis.exists ?? 0)).toBeGreaterThanOrEqual(20)
      const per = perMessage(before, after, 10)
      expect(per.redisByCommand).toBeTypeOf('object')
      expect(per.redisCalls!).toBeGreaterThanOrEqual(2)
      expect(per.pgTransactions!).toBeGreaterThan(0)
      // WAL written by a committed insert is counted (the suite's PostgreSQL keeps no WAL flush times: no timing).
      await db.sql`create table if not exists bench_wal_probe (n int)`
      const beforeWal = await sampleWal(db.sql)
      await db.sql`insert into bench_wal_probe values (1)`
      await db.sql`select pg_stat_force_next_flush()`
      await expect
        .poll(async () => walBetween(beforeWal, await sampleWal(db.sql)).writes, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(1)
      expect(beforeWal.timed).toBe(false)
      // A checkpoint asked for between two samples is counted, with the pages it wrote (at least the one dirtied).
      await db.sql`create table if not exists bench_checkpoint_probe (n int)`
      const beforeCheckpoint = await sampleCheckpointer(db.sql)
      await db.sql`insert into bench_checkpoint_probe values (1)`
      await db.sql`checkpoint`
      // The checkpointer reports its figures just after it wakes whoever asked for the checkpoint.
      await expect
        .poll(async () => checkpointsBetween(beforeCheckpoint, await sampleCheckpointer(db.sql)), { timeout: 20_000 })
        .toMatchObject({
          started: expect.toSatisfy((n: number) => n >= 1),
          buffersWritten: expect.toSatisfy((n: number) => n >= 1),
        })
    } finally {
      redis.disconnect()
      await db.drop()
    }
  }, 60_000)

  it('gives no per-message figure for a step that sent nothing', () => {
    const idle = { started: 4, buffersWritten: 100, writeMs: 10, syncMs: 2 }
    const wal = { writes: 10, syncs: 8, writeMs: 1, syncMs: 20, timed: true }
    const zero = { redis: { get: 5 }, pgTransactions: 3, checkpointer: idle, wal }
    const none = { started: 0, buffersWritten: 0, writeMs: 0, syncMs: 0 }
    expect(perMessage(zero, { redis: { get: 9 }, pgTransactions: 4, checkpointer: idle, wal }, 0)).toEqual({
      redisCalls: null,
      redisByCommand: { get: null },
      pgTransactions: null,
      checkpoints: none,
      wal: { writes: 0, syncs: 0, syncMs: 0, meanSyncMs: null },
    })
    const checkpointed = { started: 5, buffersWritten: 350, writeMs: 2010.4, syncMs: 42 }
    const flushed = { writes: 14, syncs: 12, writeMs: 2, syncMs: 31, timed: true }
    expect(
      perMessage(zero, { redis: { get: 9, set: 2 }, pgTransactions: 7, checkpointer: checkpointed, wal: flushed }, 2),
    ).toEqual({
      redisCalls: 3,
      redisByCommand: { get: 2, set: 1 },
      pgTransactions: 2,
      checkpoints: { started: 1, buffersWritten: 250, writeMs: 2000, syncMs: 40 },
      wal: { writes: 4, syncs: 4, syncMs: 11, meanSyncMs: 2.75 },
    })
  })

  it('gives no WAL flush time where PostgreSQL did not keep it', () => {
    const before = { writes: 1, syncs: 1, writeMs: 0, syncMs: 0, timed: false }
    const after = { writes: 5, syncs: 4, writeMs: 0, syncMs: 0, timed: false }
    expect(walBetween(before, after)).toEqual({ writes: 4, syncs: 3, syncMs: null, meanSyncMs: null })
  })
})
