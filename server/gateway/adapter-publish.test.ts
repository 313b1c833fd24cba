import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { startTestServer } from '../../tests/support/http.js'

/**
 * The Socket.IO Redis adapter sends PUBLISH, (P)SUBSCRIBE and (P)UNSUBSCRIBE without handling the answers; a gateway
 * closing while one is unanswered made unhandled rejections ("Connection is closed."), which end a Node process
 * and failed a CI run. Real Redis, real servers.
 */
let deps: TestDeps
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  deps = await createTestDeps()
  process.on('unhandledRejection', onUnhandled)
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await deps?.close()
})

/** Node reports unhandled rejections after the microtasks of the tick that made them: one macrotask later. */
const afterRejectionsReported = () => new Promise((resolve) => setImmediate(resolve))

describe('closing the gateway', () => {
  it('right after it started, with its subscriptions still on their way, leaves no unhandled rejection', async () => {
    unhandled.length = 0
    const server = await startTestServer(deps)
    // Resolves once both adapter clients have ended, so any command they failed has been failed by now.
    await server.close()
    await afterRejectionsReported()
    expect(unhandled).toEqual([])
  })

  it('then a broadcast that still reaches the adapter is logged, not an unhandled rejection', async () => {
    unhandled.length = 0
    const server = await startTestServer(deps)
    const io = server.app.io
    await server.close()
    // What a handler still awaiting the database does when it finishes (a facilitator's presence announced after
    // their socket dropped): it broadcasts through the adapter, whose Redis client is closed now.
    const room = `gsession:${crypto.randomUUID()}:facilitators`
    ;(io.to(room) as unknown as { emit: (event: string, payload: unknown) => boolean }).emit('session:presence', {})
    await expect.poll(() => deps.logLines.some((line) => line.includes('socket.io adapter publish failed'))).toBe(true)
    await afterRejectionsReported()
    expect(unhandled).toEqual([])
    const line = deps.logLines.find((l) => l.includes('socket.io adapter publish failed'))!
    expect(line).toContain('Connection is closed')
    expect(line).not.toContain(room)
  })
})
