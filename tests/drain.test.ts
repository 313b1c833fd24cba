import { request as httpRequest } from 'node:http'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFreePort, stopProcessGroup } from '../scripts/local-services.js'
import { createTestDeps, type TestDeps } from './support/deps.js'
import { createAccount } from './support/crisis-fixtures.js'
import { childEnv, startTsxProcess } from './support/processes.js'
import { connectOutcome, openSocket, type TestSocket } from './support/sockets.js'

/**
 * Graceful drain of the real server process (server/index.ts) on SIGTERM: readiness answers 503 at once, a request
 * already in flight (a webhook whose body is still arriving) is answered, a connected socket receives
 * `server:draining`, and only then does the process close and exit 0.
 */
let deps: TestDeps
let server: ChildProcess | undefined
let socket: TestSocket | undefined

beforeAll(async () => {
  deps = await createTestDeps()
}, 60_000)

afterAll(async () => {
  socket?.close()
  if (server && server.exitCode === null) await stopProcessGroup(server)
  await deps?.close()
})

describe('the server on SIGTERM', { timeout: 120_000 }, () => {
  it('drains: readiness 503, the in-flight request finishes, sockets are told, then it exits', async () => {
    const port = await getFreePort()
    const metricsPort = await getFreePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const started = startTsxProcess(
      'server/index.ts',
      childEnv(deps, {
        PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_PORT: String(metricsPort),
        DRAIN_TIMEOUT_MS: '60000',
      }),
    )
    server = started.child
    const exited = new Promise<number | null>((resolve) => started.child.on('exit', (code) => resolve(code)))
    await expect.poll(() => started.output(), { timeout: 60_000 }).toContain('metrics listening')
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200)

    const member = await createAccount(deps, 'member')
    socket = openSocket(baseUrl, { cookie: member.cookie })
    expect(await connectOutcome(socket)).toBe('connected')
    const notice = new Promise<{ reconnectInMs: number }>((resolve) => socket!.once('server:draining', resolve))

    // A request whose body is still on its way: the server holds it until the rest arrives.
    const body = '{"event":"room_started"}'
    const slow = httpRequest(`${baseUrl}/livekit/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    })
    const answered = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      })
      slow.on('error', reject)
    })
    slow.write(body.slice(0, 5))
    const inFlight = async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
      return Number(/^holdspace_http_requests_in_flight (\d+)$/m.exec(text)?.[1] ?? 0)
    }
    await expect.poll(inFlight, { timeout: 20_000 }).toBe(1)

    server.kill('SIGTERM')
    expect(await notice).toMatchObject({ reconnectInMs: expect.any(Number) })
    await expect.poll(() => started.output(), { timeout: 20_000 }).toContain('server draining')
    const ready = await fetch(`${baseUrl}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ status: 'draining' })
    expect(server.exitCode).toBeNull()

    slow.end(body.slice(5))
    expect(await answered).toBeGreaterThanOrEqual(200)
    expect(await exited).toBe(0)
    expect(started.output()).not.toContain('drain timeout')
  })
})
