import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { blockLoop } from '../tests/support/event-loop.js'
import { DeadlineExceeded, withDeadline } from './deadline.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/**
 * A real other process that answers one line on its stdout and then creates `flag`: once `flag` exists, the answer
 * is waiting in the pipe, whether or not this process has read it.
 */
function echoProcess() {
  const dir = mkdtempSync(path.join(tmpdir(), 'deadline-'))
  dirs.push(dir)
  const flag = path.join(dir, 'answered')
  const child = spawn('sh', ['-c', `read line; echo "$line"; : > "${flag}"`], { stdio: ['pipe', 'pipe', 'inherit'] })
  const answer = new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
    child.once('error', reject)
  })
  return { child, flag, answer }
}

describe('withDeadline', () => {
  it('answers DeadlineExceeded when the work never answers', async () => {
    const never = new Promise<string>(() => {})
    await expect(withDeadline(never, 30)).rejects.toBeInstanceOf(DeadlineExceeded)
  })

  it('gives the answer when the work answers in time', async () => {
    await expect(withDeadline(Promise.resolve('ok'), 30)).resolves.toBe('ok')
  })

  it("passes the work's own failure through when it fails in time", async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 30)).rejects.toThrow('refused')
  })

  it('a failure of work that was already abandoned is handled: no unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      let fail!: (error: Error) => void
      const work = new Promise<string>((_resolve, reject) => (fail = reject))
      await expect(withDeadline(work, 20)).rejects.toBeInstanceOf(DeadlineExceeded)
      fail(new Error('late failure'))
      // Unhandled rejections are reported once the microtasks have run; a turn of the loop later they would be here.
      await new Promise<void>((resolve) => setImmediate(resolve))
      await new Promise<void>((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('takes an answer that arrived while this process was stalled past the deadline, not the timer', async () => {
    const { child, flag, answer } = echoProcess()
    const waiting = withDeadline(answer, 50)
    // Blocked in the loop's check phase: the next iteration runs its due timers before it reads the pipe. The other
    // process answers while this one is blocked, and the deadline timer becomes due in the same block.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        child.stdin.end('pong\n')
        blockLoop(150, () => existsSync(flag))
        resolve()
      }),
    )
    await expect(waiting).resolves.toBe('pong')
  })

  it('still refuses after a stall when no answer ever comes', async () => {
    const never = new Promise<string>(() => {})
    const waiting = withDeadline(never, 40)
    blockLoop(120)
    await expect(waiting).rejects.toBeInstanceOf(DeadlineExceeded)
  })

  it('adds the time this process was stalled to the deadline: an answer after the stall, within its running time, wins', async () => {
    let answer!: (value: string) => void
    const work = new Promise<string>((resolve) => (answer = resolve))
    const waiting = withDeadline(work, 100)
    // Blocked for longer than the whole deadline; the answer comes 50 ms of running time after the stall ends.
    blockLoop(250)
    setTimeout(() => answer('late but fair'), 50)
    await expect(waiting).resolves.toBe('late but fair')
  })

  it('adds no more than four times the deadline for a stalled process', async () => {
    let answer!: (value: string) => void
    const work = new Promise<string>((resolve) => (answer = resolve))
    const waiting = withDeadline(work, 20)
    blockLoop(400)
    // Owed time is capped at 80 ms, so the refusal comes before this answer.
    setTimeout(() => answer('too late'), 300)
    await expect(waiting).rejects.toBeInstanceOf(DeadlineExceeded)
  })
})
