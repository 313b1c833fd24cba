/**
 * Faults for a test's own PostgreSQL (never the shared test cluster): pause it with SIGSTOP, resume it with SIGCONT.
 * A paused PostgreSQL keeps its connections open and answers nothing, as a stalled database host does.
 */
import { readdirSync, readFileSync } from 'node:fs'

const statFields = (pid: number | string) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')

/** The postmaster listening on `port` and its backends, read from /proc; the postmaster first. */
export function postgresProcesses(port: string): number[] {
  const stats = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const cmdline = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0')
        return [{ pid: Number(d), ppid: Number(statFields(d)[1]), cmdline }]
      } catch {
        return []
      }
    })
  const postmaster = stats.find(
    (p) =>
      /postgres$/.test(p.cmdline[0] ?? '') &&
      p.cmdline.includes('-p') &&
      p.cmdline[p.cmdline.indexOf('-p') + 1] === port,
  )
  if (!postmaster) throw new Error(`no postgres on port ${port}`)
  return [postmaster.pid, ...stats.filter((p) => p.ppid === postmaster.pid).map((p) => p.pid)]
}

/** Sends `signal` to the PostgreSQL serving `url` and to every backend of it. */
export function signalPostgres(url: string, signal: NodeJS.Signals): void {
  for (const pid of postgresProcesses(new URL(url).port)) process.kill(pid, signal)
}

/** The postmaster's state letter: 'T' while it is stopped by SIGSTOP. */
export const postmasterState = (url: string) => statFields(postgresProcesses(new URL(url).port)[0]!)[0]
