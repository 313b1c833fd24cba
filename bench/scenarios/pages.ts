import path from 'node:path'
import autocannon from 'autocannon'
import { round } from '../stats.js'
import { startProcess } from '../processes.js'

/**
 * Scenario 4: requests per second and p99 for the signed-in room list page of the platform against a
 * bare Remix page (bench/bare-remix) in the same run, with autocannon. Targets are measured alternately
 * so a noisy neighbour hits both.
 */
export async function runPages(options: {
  platformUrl: string
  cookie: string
  /** How many rooms the platform's /rooms lists: the bare page lists as many. */
  rooms: number
  durationSeconds: number
  connections: number
  progress: (line: string) => void
  onFailure?: () => void
}) {
  const bare = await startProcess(
    path.resolve('bench/bare-remix/serve.ts'),
    { ...process.env, PORT: '0', BARE_ROOMS: String(options.rooms) },
    /listening (\d+)/,
  )
  const bareUrl = `http://127.0.0.1:${bare.match[1]}/`
  try {
    // Measure what a signed-in member gets: the page itself, not a redirect or an error page.
    for (const [url, headers] of [
      [bareUrl, {}],
      [`${options.platformUrl}/rooms`, { cookie: options.cookie }],
    ] as const) {
      const response = await fetch(url, { headers, redirect: 'manual' })
      if (response.status !== 200) options.onFailure?.()
      if (response.status !== 200)
        throw new Error(`pages: ${url} answered ${response.status} ${response.headers.get('location') ?? ''}`)
    }
    const hit = (url: string, headers: Record<string, string> = {}) =>
      autocannon({ url, connections: options.connections, duration: options.durationSeconds, headers })
    const rounds = 2
    const results = { bare: [] as autocannon.Result[], platform: [] as autocannon.Result[] }
    for (let r = 0; r < rounds; r++) {
      options.progress(`pages: round ${r + 1}/${rounds} bare Remix page`)
      results.bare.push(await hit(bareUrl))
      options.progress(`pages: round ${r + 1}/${rounds} platform /rooms (signed in)`)
      results.platform.push(await hit(`${options.platformUrl}/rooms`, { cookie: options.cookie }))
    }
    const summarize = (list: autocannon.Result[]) => ({
      requestsPerSecond: round(list.reduce((s, r) => s + r.requests.average, 0) / list.length, 1),
      p99Ms: round(Math.max(...list.map((r) => r.latency.p99)), 1),
      non2xx: list.reduce((s, r) => s + r.non2xx, 0),
      errors: list.reduce((s, r) => s + r.errors, 0),
    })
    const bareSummary = summarize(results.bare)
    const platformSummary = summarize(results.platform)
    return {
      rooms: options.rooms,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      bare: bareSummary,
      platform: platformSummary,
      ratio: round((platformSummary.requestsPerSecond ?? 0) / Math.max(bareSummary.requestsPerSecond ?? 1, 1), 3),
    }
  } finally {
    await bare.stop()
  }
}
