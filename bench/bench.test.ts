import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, inject } from 'vitest'
import { SERVER_NODE_FLAGS } from '../server/node-flags.js'

/**
 * Keeps the benchmark harness from rotting: runs `npm run bench -- --smoke` for real and checks that it
 * measured and reported every scenario. It asserts that numbers exist, never how fast they are.
 */
const out = mkdtempSync(path.join(tmpdir(), 'hs-bench-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run bench -- --smoke', () => {
  it('runs every scenario end to end and writes the JSON report and the summary table', async () => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', '--smoke', '--out', out], {
      env: { ...process.env, DATABASE_URL: inject('adminDatabaseUrl'), REDIS_URL: inject('redisUrl') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code, output).toBe(0)
    expect(output).toContain('[bench] scenario')
    expect(output).toContain('Screening cost per message')
    expect(output).toContain('ratio platform/bare')

    const files = readdirSync(out)
    expect(files).toContain('latest.json')
    expect(files.filter((f) => /^\d{4}-.*\.json$/.test(f))).toHaveLength(1)
    const report = JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8'))
    expect(report.machine.cpus).toBeGreaterThan(0)
    // The machine's own speed, probed before and after every scenario that ran.
    expect(Object.keys(report.machineSpeed).sort()).toEqual(['chat ×1', 'crisis', 'pages', 'screening'])
    for (const { before, after } of Object.values(report.machineSpeed) as Array<Record<string, any>>)
      for (const probe of [before, after]) {
        expect(probe.medianMs).toBeGreaterThan(0)
        expect(probe.roundsMs).toHaveLength(7)
        expect(probe.mixedMedianMs).toBeGreaterThan(0)
        expect(probe.mixedRoundsMs).toHaveLength(7)
      }
    expect(output).toContain('Machine probe')
    const { chat, screening, pages } = report.scenarios
    expect(chat).toHaveLength(1)
    for (const target of [chat[0].platform, chat[0].bare]) {
      expect(target.steps.length).toBeGreaterThan(0)
      expect(target.steps[0].sent).toBeGreaterThan(0)
      expect(target.steps[0].p99Ms).toEqual(expect.any(Number))
      expect(target.steps[0].completeness).toEqual(expect.any(Number))
    }
    expect(chat[0].platform.steps[0].storedOnce).toEqual(expect.any(Boolean))
    // A step after another first waits for the bench's processes to be back to idle (bench/settle.ts); the first has none.
    expect(chat[0].platform.steps[0].settledBefore).toBeNull()
    // Where the cores went during the step, and the backends' work per message, are measured for both targets.
    for (const target of [chat[0].platform, chat[0].bare]) {
      expect(target.steps[0].cores.load).toEqual(expect.any(Number))
      expect(target.steps[0].backends.redisCalls).toEqual(expect.any(Number))
    }
    expect(chat[0].platform.steps[0].cores.server).toEqual(expect.any(Number))
    expect(chat[0].platform.steps[0].backends.pgTransactions).toBeGreaterThan(0)
    expect(output).toContain('Chat fan-out')
    expect(screening.rows).toHaveLength(4)
    for (const row of screening.rows) expect(row.p99_us).toEqual(expect.any(Number))
    // The screens are measured in a process with the server's Node flags, as they run in the server.
    expect(screening.nodeFlags).toEqual([...SERVER_NODE_FLAGS])
    // Each high-risk send's card: its `crisis:card` event reached the member, and the card counts from whichever of
    // the event and the ack came first.
    const { crisis } = report.scenarios
    expect(crisis.platform.cards).toBe(crisis.pages)
    expect(crisis.platform.cardEventHeard).toBe(crisis.pages)
    for (const sample of crisis.samples) {
      expect(sample.cardEventMs).toEqual(expect.any(Number))
      expect(sample.cardMs).toBe(Math.min(sample.ackMs, sample.cardEventMs))
    }
    expect(crisis.platform.cardAckP99Ms).toEqual(expect.any(Number))
    // What the commits waited for the disk: PostgreSQL's WAL flushes during the load (times only where PostgreSQL
    // keeps them; the suite's own PostgreSQL runs without fsync and without the timing).
    expect(crisis.wal.writes).toBeGreaterThan(0)
    expect(crisis.wal.syncs).toEqual(expect.any(Number))
    expect(crisis.wal).toHaveProperty('meanSyncMs')
    expect(output).toContain('PostgreSQL WAL flushes')
    expect(pages.bare.requestsPerSecond).toBeGreaterThan(0)
    expect(pages.platform.requestsPerSecond).toBeGreaterThan(0)
    expect(pages.platform.non2xx).toBe(0)
    expect(pages.ratio).toEqual(expect.any(Number))
  }, 240_000)
})
