import { randomUUID } from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { connectAndJoin } from '../connect.js'
import type { Sql } from '../../db/client.js'
import { startMailCatcher } from '../../scripts/mail-catcher.js'
import { getFreePort } from '../../scripts/local-services.js'
import { createBenchMembers } from '../fixtures.js'
import { startProcess, type BenchProcess } from '../processes.js'
import { coresBetween, sampleCpu } from '../cpu-usage.js'
import { checkpointsBetween, sampleCheckpointer, sampleWal, walBetween } from '../round-trips.js'
import { round, summarize } from '../stats.js'
import { flushTrace, trace, traceFile } from '../trace.js'
import {
  CONNECT_CONCURRENCY,
  SETUP_TIMEOUT_MS,
  createRooms,
  describeSetup,
  joinMembers,
  request,
  startLoadClients,
  summarizeSetup,
  type SetupReply,
} from './chat.js'

/**
 * Scenario 2: crisis paging under load. While chat runs at half its sustained rate, members send high-risk
 * messages; we measure send → the on-call clinician's console receiving the page (through outbox, relay,
 * BullMQ worker, Redis emitter), and send → the member seeing the crisis card: the first of the server's `crisis:card`
 * event (sent right after the message's commit) and the send's ack (which carries the card too), as the chat page shows
 * it on whichever comes first (app/components/chat/use-chat-room.ts); the ack's own latency is reported beside it. The bare
 * path (socket → queue → worker → emitter → socket) is measured in the same run. Both measure a running system: a
 * warm-up send goes first and is not counted (docs/decisions/051-warm-send-path-at-start.md); every sample is kept.
 */
const RISKY = "i can't do this anymore, i'm going to kill myself tonight"
const now = () => performance.timeOrigin + performance.now()

/** Connects (and joins `roomId`), retrying UNAVAILABLE with back-off as the browser does (bench/connect.ts). */
async function connect(url: string, cookie?: string, roomId?: string): Promise<Socket> {
  const outcome = await connectAndJoin({
    url,
    origin: url,
    ...(cookie ? { cookie } : {}),
    ...(roomId ? { roomId } : {}),
  })
  if (!outcome.ok) throw new Error(`a crisis-scenario socket could not connect: ${outcome.failure}`)
  return outcome.socket
}

const ack = <T>(socket: Socket, event: string, payload: unknown) =>
  socket.timeout(20_000).emitWithAck(event, payload) as Promise<{ ok: boolean; data?: T; error?: { code: string } }>

export async function runCrisisScenario(options: {
  sql: Sql
  env: NodeJS.ProcessEnv
  backgroundRatePerRoom: number
  backgroundClients: number
  roomSize: number
  pages: number
  durationSeconds: number
  /**
   * How long the background load runs before the first counted sample (an uncounted warm-up high-risk send goes at
   * half of it). A thousand clients starting to send at once is a transient of its own: in the run of 2026-12-06
   * 19:18 UTC with 2 s, the samples sent before 3.1 s took 85–168 ms and every later one at most 67 ms (decision 051,
   * "Later").
   */
  warmUpMs: number
  progress: (line: string) => void
}) {
  const mail = await startMailCatcher()
  const env = { ...options.env, SMTP_URL: mail.url, LOG_LEVEL: 'info' }
  const processes: BenchProcess[] = []
  try {
    const port = await getFreePort()
    const url = `http://127.0.0.1:${port}`
    processes.push(await startProcess('server/index.ts', { ...env, PORT: String(port) }, /server listening/))
    processes.push(await startProcess('workers/index.ts', env, /workers started/))

    // Background chat load at half the sustained rate.
    const roomIds = await createRooms(options.sql, Math.ceil(options.backgroundClients / options.roomSize))
    const members = await createBenchMembers(options.sql, options.backgroundClients)
    await joinMembers(options.sql, roomIds, members, options.roomSize)
    const [loader] = startLoadClients(1)
    const setupStarted = performance.now()
    const setup = summarizeSetup(
      [
        await request<SetupReply>(
          loader!,
          {
            type: 'init',
            concurrency: CONNECT_CONCURRENCY,
            members: members.map((m, i) => ({
              url,
              origin: url,
              cookie: m.cookie,
              roomId: roomIds[Math.floor(i / options.roomSize)]!,
            })),
          },
          'ready',
          SETUP_TIMEOUT_MS,
        ),
      ],
      performance.now() - setupStarted,
    )
    options.progress(`crisis: background chat: ${describeSetup(setup)}`)
    if (setup.failed > 0)
      throw new Error(
        `crisis: ${setup.failed} background clients could not connect and join (${JSON.stringify(setup.failures)})`,
      )

    // The senders at risk (one incident per member) and the on-call clinician's console socket. Each sender is a
    // member of one of the busy rooms (round robin, about two per room), so a high-risk message shares its room's
    // traffic and group commit as it would in use; all of them in one quiet room would instead queue every
    // sample's crisis transaction behind the others' (7 a second in one room at 100 samples).
    // One more member than samples: the first high-risk send is a warm-up, not counted (see below).
    const senders = await createBenchMembers(options.sql, options.pages + 1)
    const riskRoomOf = (i: number) => roomIds[i % roomIds.length]!
    await options.sql`insert into room_memberships ${options.sql(
      senders.map((m, i) => ({
        room_id: riskRoomOf(i),
        account_id: m.accountId,
        pseudonym: `At risk ${i}`,
        rules_version_accepted: 1,
        rules_accepted_at: new Date(),
      })),
    )}`
    const [clinician] = await createBenchMembers(options.sql, 1, 'clinician')
    const console = await connect(url, clinician!.cookie)
    // The console shows a new incident on its first announcement: `incident:updated`, sent by the server right after
    // the message's commit (decision 031), or the worker's `incident:paged`, whichever comes first. The worker's page
    // (which also sends the emails and starts the escalation clock) is reported on its own.
    const shown = new Map<string, number>()
    const paged = new Map<string, number>()
    const first = (seen: Map<string, number>) => (p: { incidentId: string }) => {
      if (!seen.has(p.incidentId)) seen.set(p.incidentId, now())
    }
    console.on('incident:updated', first(shown))
    console.on('incident:paged', first(shown))
    console.on('incident:paged', first(paged))
    const senderSockets = await Promise.all(senders.map((s, i) => connect(url, s.cookie, riskRoomOf(i))))

    // As in the chat scenario: every background member sends once before the load, not measured, so the samples
    // meet a running server's send caches rather than a thousand members' first sends (in the traced run of
    // 2026-12-07 05:32 UTC at 3.25 msg/s per room, with about half the members not yet warm when sampling began,
    // ordinary messages took p50 340–790 ms in the load's first 8 s and 13–17 ms once every member had sent).
    const membersWarmUpSeconds = options.warmUpMs >= 5_000 ? 10 : 1
    options.progress(`crisis: background chat: warm-up, every member sends once`)
    await request(
      loader!,
      {
        type: 'step',
        rate: membersWarmUpSeconds >= 10 ? options.roomSize / membersWarmUpSeconds : 1,
        durationMs: membersWarmUpSeconds * 1000,
        graceMs: 500,
      },
      'result',
      membersWarmUpSeconds * 1000 + 60_000,
    )
    options.progress(
      `crisis: ${options.pages} high-risk messages during chat at ${options.backgroundRatePerRoom} msg/s per room`,
    )
    // Where the cores went during the load (the server, the workers, the load client, PostgreSQL, Redis, and
    // `notBench`: the rest of the machine), as the chat scenario reports per step.
    const cpuKinds = new Map<number, string>([
      [processes[0]!.child.pid!, 'server'],
      [processes[1]!.child.pid!, 'workers'],
      [loader!.pid!, 'load'],
    ])
    const cpuBefore = await sampleCpu(cpuKinds)
    const checkpointerBefore = await sampleCheckpointer(options.sql)
    const walBefore = await sampleWal(options.sql)
    const load = request<any>(
      loader!,
      { type: 'step', rate: options.backgroundRatePerRoom, durationMs: options.durationSeconds * 1000, graceMs: 1000 },
      'result',
      options.durationSeconds * 1000 + 60_000,
    )
    const loadStarted = now()
    const backends = traceFile ? watchBackends(options.sql) : null
    const sends: Array<{
      i: number
      at: number
      clientId: string
      cardMs: number | null
      ackMs: number | null
      eventMs: number | null
      incidentId: string | null
      outcome: string
    }> = []
    const sendRisky = async (socket: Socket, roomId: string) => {
      // The member's own card event, by incident (each sender raises one incident; a card without one is not timed).
      const events = new Map<string | null, number>()
      let heard = () => {}
      const onCard = (card: { incidentId: string | null }) => {
        if (!events.has(card.incidentId)) events.set(card.incidentId, now())
        heard()
      }
      socket.on('crisis:card', onCard)
      const at = now()
      const clientId = randomUUID()
      const reply = await ack<{ crisis?: { incidentId: string | null } }>(socket, 'message:send', {
        roomId,
        clientId,
        body: RISKY,
      }).catch(() => ({ ok: false as const, data: undefined, error: { code: 'TIMEOUT' } }))
      const ackMs = reply.ok && reply.data?.crisis ? now() - at : null
      const incidentId = reply.data?.crisis?.incidentId ?? null
      // An event that comes after the ack no longer changes what the member saw first; it is still waited for
      // (up to 2 s, uncounted) so the report says whether the server sent it at all.
      if (ackMs !== null && !events.has(incidentId))
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2_000)
          heard = () => {
            if (events.has(incidentId)) {
              clearTimeout(timer)
              resolve()
            }
          }
        })
      socket.off('crisis:card', onCard)
      const eventAt = ackMs !== null ? events.get(incidentId) : undefined
      const eventMs = eventAt === undefined ? null : eventAt - at
      return {
        at,
        clientId,
        cardMs: ackMs === null ? null : Math.min(ackMs, eventMs ?? Infinity),
        ackMs,
        eventMs,
        incidentId,
        outcome: !reply.ok
          ? `refused:${reply.error?.code ?? 'UNKNOWN'}`
          : !reply.data?.crisis
            ? 'stored, no crisis card'
            : reply.data.crisis.incidentId
              ? 'crisis card and incident'
              : 'crisis card, no incident',
      }
    }
    // Steady state, not start-up: one uncounted high-risk send goes at warmUpMs / 2 and the samples begin once the
    // background load has run for warmUpMs (the bench's own sockets, the console's first event and the process's
    // first incident are not what a member in crisis meets on a running server); they are spread over the rest of the
    // load. Every send is timed from the load's start, so a slow answer to one (the warm-up's too) never pushes the
    // others out of the load's window.
    const after = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, loadStarted + ms - now())))
    const [warmUpSocket, ...sampleSockets] = senderSockets
    const warmingUp = after(options.warmUpMs / 2).then(() => sendRisky(warmUpSocket!, riskRoomOf(0)))
    const spacing = Math.max(1, options.durationSeconds * 1000 * 0.9 - options.warmUpMs) / options.pages
    await Promise.all(
      sampleSockets.map(async (socket, i) => {
        await after(options.warmUpMs + i * spacing + Math.random() * spacing * 0.5)
        sends.push({ i, ...(await sendRisky(socket, riskRoomOf(i + 1))) })
      }),
    )
    const warmUp = await warmingUp
    options.progress(
      `crisis: warm-up high-risk send (not counted): ${warmUp.outcome}, card in ${round(warmUp.cardMs ?? NaN, 1)} ms`,
    )
    const background = await load
    const cores = coresBetween(cpuBefore, await sampleCpu(cpuKinds))
    options.progress(`crisis: cores busy during the load: ${JSON.stringify(cores)}`)
    const checkpoints = checkpointsBetween(checkpointerBefore, await sampleCheckpointer(options.sql))
    options.progress(`crisis: PostgreSQL checkpoints during the load: ${JSON.stringify(checkpoints)}`)
    const wal = walBetween(walBefore, await sampleWal(options.sql))
    options.progress(`crisis: PostgreSQL WAL flushes during the load: ${JSON.stringify(wal)}`)
    const ordinary = summarize(background.latencies ?? [])
    options.progress(
      `crisis: ordinary messages meanwhile: send → peer p50 ${round(ordinary.p50, 1)} ms, p99 ${round(ordinary.p99, 1)} ms`,
    )
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline && sends.some((s) => s.incidentId && !paged.has(s.incidentId)))
      await new Promise((r) => setTimeout(r, 50))
    const pageLatencies = sends
      .filter((s) => s.incidentId && shown.has(s.incidentId))
      .map((s) => shown.get(s.incidentId!)! - s.at)
    const workerLatencies = summarize(
      sends.filter((s) => s.incidentId && paged.has(s.incidentId)).map((s) => paged.get(s.incidentId!)! - s.at),
    )
    const cardLatencies = sends.filter((s) => s.cardMs !== null).map((s) => s.cardMs!)
    const ackLatencies = sends.filter((s) => s.ackMs !== null).map((s) => s.ackMs!)
    /** Cards whose event came before their ack, out of the cards timed. */
    const eventFirst = sends.filter((s) => s.eventMs !== null && s.ackMs !== null && s.eventMs < s.ackMs).length
    const eventHeard = sends.filter((s) => s.eventMs !== null && s.ackMs !== null).length
    /** Every sample, in send order: when it was sent (ms after the load began) and its three latencies. */
    const samples = [...sends]
      .sort((a, b) => a.at - b.at)
      .map((s) => ({
        i: s.i,
        sentAtMs: round(s.at - loadStarted, 0),
        cardMs: s.cardMs === null ? null : round(s.cardMs, 1),
        ackMs: s.ackMs === null ? null : round(s.ackMs, 1),
        cardEventMs: s.eventMs === null ? null : round(s.eventMs, 1),
        consoleMs: s.incidentId && shown.has(s.incidentId) ? round(shown.get(s.incidentId)! - s.at, 1) : null,
        workerMs: s.incidentId && paged.has(s.incidentId) ? round(paged.get(s.incidentId)! - s.at, 1) : null,
      }))
    await backends?.stop()
    if (traceFile) {
      // Under BENCH_TRACE: each sample (and the warm-up, i = -1) by clientId, to line up with the server's own
      // `crisis-send` record (bench/trace-preload.ts); read with bench/trace-crisis.ts.
      trace('crisis-load', { at: round(loadStarted, 1) })
      for (const s of [{ ...warmUp, i: -1 }, ...sends])
        trace('crisis-sample', {
          i: s.i,
          clientId: s.clientId,
          at: round(s.at, 1),
          cardMs: s.cardMs === null ? null : round(s.cardMs, 1),
          ackMs: s.ackMs === null ? null : round(s.ackMs, 1),
          consoleMs: s.incidentId && shown.has(s.incidentId) ? round(shown.get(s.incidentId)! - s.at, 1) : null,
          workerMs: s.incidentId && paged.has(s.incidentId) ? round(paged.get(s.incidentId)! - s.at, 1) : null,
        })
      flushTrace()
    }
    loader!.send({ type: 'close' })
    console.disconnect()
    senderSockets.forEach((s) => s.disconnect())

    const bare = await runBareCrisis(options.env, options.pages, options.progress)
    const page = summarize(pageLatencies)
    const card = summarize(cardLatencies)
    const cardAck = summarize(ackLatencies)
    return {
      pages: options.pages,
      backgroundRatePerRoom: options.backgroundRatePerRoom,
      backgroundDeliveredPerSecond: round(background.deliveries / (background.elapsedMs / 1000), 1),
      /** Ordinary messages in the same window (send → a peer receiving it): what a crisis send is compared with. */
      backgroundDelivery: { p50Ms: round(ordinary.p50, 1), p99Ms: round(ordinary.p99, 1) },
      backgroundSetup: setup,
      /** Cores busy during the load, by kind (`notBench`: the rest of the machine). */
      cores,
      /** What PostgreSQL's checkpointer did during the load (bench/round-trips.ts). */
      checkpoints,
      /** PostgreSQL's WAL flushes during the load, and what one took (bench/round-trips.ts). */
      wal,
      /** What each high-risk send's ack said: only a card with an incident is timed. */
      sendOutcomes: sends.reduce<Record<string, number>>(
        (all, s) => ({ ...all, [s.outcome]: (all[s.outcome] ?? 0) + 1 }),
        {},
      ),
      platform: {
        paged: pageLatencies.length,
        cards: cardLatencies.length,
        pageP50Ms: round(page.p50, 1),
        pageP99Ms: round(page.p99, 1),
        cardP50Ms: round(card.p50, 1),
        cardP99Ms: round(card.p99, 1),
        /** The ack alone (the card's latency before it counted the `crisis:card` event too). */
        cardAckP50Ms: round(cardAck.p50, 1),
        cardAckP99Ms: round(cardAck.p99, 1),
        /** Of the cards timed: how many the `crisis:card` event reached at all, and how many it reached first. */
        cardEventHeard: eventHeard,
        cardEventFirst: eventFirst,
        workerPageP50Ms: round(workerLatencies.p50, 1),
        workerPageP99Ms: round(workerLatencies.p99, 1),
      },
      warmUp: { outcome: warmUp.outcome, cardMs: round(warmUp.cardMs ?? NaN, 1) },
      samples,
      bare,
      targets: { pageP99Ms: 100, cardP99Ms: 50 },
    }
  } finally {
    for (const p of processes.reverse()) await p.stop()
    await mail.stop()
  }
}

/**
 * Under BENCH_TRACE: every 100 ms, the database's client backends, each new one traced once (`pg-backend`: its pid,
 * when it started, its application name), so a crisis send's backend can be told apart as one opened during the load.
 */
function watchBackends(sql: Sql) {
  const known = new Set<number>()
  let running = true
  const done = (async () => {
    while (running) {
      const rows = await sql<{ pid: number; started: number; app: string }[]>`
        select pid, extract(epoch from backend_start) * 1000 as started, application_name as app
        from pg_stat_activity where backend_type = 'client backend'`.catch(() => [])
      for (const r of rows)
        if (!known.has(r.pid)) {
          known.add(r.pid)
          trace('pg-backend', { backend: r.pid, startedAt: round(Number(r.started), 1), app: r.app })
        }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  return {
    stop: async () => {
      running = false
      await done
    },
  }
}

async function runBareCrisis(env: NodeJS.ProcessEnv, pages: number, progress: (line: string) => void) {
  const prefix = `${env.REDIS_PREFIX}crisisbare`
  const server = await startProcess('bench/bare-crisis.ts', { ...env, REDIS_PREFIX: prefix }, /listening (\d+)/)
  const worker = await startProcess(
    'bench/bare-crisis.ts',
    { ...env, REDIS_PREFIX: prefix, BARE_ROLE: 'worker' },
    /worker ready/,
  )
  try {
    const url = `http://127.0.0.1:${server.match[1]}`
    const console = await connect(url)
    await ack(console, 'clinician:join', {})
    const sender = await connect(url)
    const waiting = new Map<string, (at: number) => void>()
    console.on('incident:paged', (p: { incidentId: string }) => waiting.get(p.incidentId)?.(now()))
    progress(`crisis: bare path, ${pages} pages`)
    const latencies: number[] = []
    // i = -1 is the warm-up page (the queue's and the worker's first job), not counted.
    for (let i = -1; i < pages; i++) {
      const clientId = randomUUID()
      const arrived = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 10_000)
        waiting.set(clientId, (at) => {
          clearTimeout(timer)
          resolve(at)
        })
      })
      const at = now()
      await ack(sender, 'message:send', { clientId })
      const pagedAt = await arrived
      if (pagedAt !== null && i >= 0) latencies.push(pagedAt - at)
    }
    console.disconnect()
    sender.disconnect()
    const s = summarize(latencies)
    return { paged: latencies.length, pageP50Ms: round(s.p50, 1), pageP99Ms: round(s.p99, 1) }
  } finally {
    await worker.stop()
    await server.stop()
  }
}
