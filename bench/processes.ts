import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { stopProcessGroup } from '../scripts/local-services.js'
import { SERVER_NODE_FLAGS } from '../server/node-flags.js'

export interface BenchProcess {
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** Start a TypeScript entry as its own process group; resolves once `ready` matches its output. */
export async function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<BenchProcess & { match: RegExpMatchArray }> {
  // BENCH_CPU_PROF=<dir>: every started process writes a V8 CPU profile there when it exits (for finding hot spots).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
  // Every process the bench starts (the platform's servers and the bare references alike) runs with the server's
  // production flags, so ratios compare like with like.
  // BENCH_TRACE=<file>: the process records what it did and when into that file (bench/trace-preload.ts).
  const traced = process.env.BENCH_TRACE ? ['--import', path.resolve('bench/trace-preload.ts')] : []
  const child = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, '--import', 'tsx', ...traced, entry], {
    env: process.env.BENCH_TRACE ? { ...env, BENCH_TRACE: process.env.BENCH_TRACE } : env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not become ready:\n${out.slice(-2000)}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(ready)
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${entry} exited (${code}):\n${out.slice(-2000)}`))
    })
  })
  child.removeAllListeners('exit')
  return { child, match, output: () => out, stop: () => stopProcessGroup(child) }
}

/** CPU time (user+system, ms) and resident memory (bytes) of a process, from /proc. */
export async function processUsage(pid: number): Promise<{ cpuMs: number; rssBytes: number }> {
  const { readFile } = await import('node:fs/promises')
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')
  const ticks = Number(stat[11]) + Number(stat[12])
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
  return { cpuMs: (ticks * 1000) / 100, rssBytes: rssKb * 1024 }
}

/**
 * BENCH_AUTOGROUP_NICE=<n> (e.g. -10): gives the scheduling groups of every process this bench started that nice
 * value. Linux with `kernel.sched_autogroup_enabled` (on here) shares the CPU fairly between sessions first, and a
 * process's own nice counts only inside its session, so other sessions' `nice -n 19` work still takes an equal
 * share from each of the bench's sessions (every server, PostgreSQL and redis-server is started in its own). This
 * restores what niced neighbours are meant to give a benchmark. Needs the right to lower nice (root); off unless set.
 */
export function prioritizeBenchGroups(): NodeJS.Timeout | null {
  const nice = process.env.BENCH_AUTOGROUP_NICE
  if (!nice || !/^-?\d+$/.test(nice)) return null
  const apply = async () => {
    const { readdir, readFile, writeFile } = await import('node:fs/promises')
    const parents = new Map<number, number>()
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid) parents.set(Number(name), ppid)
    }
    const ours = (pid: number): boolean => {
      for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) if (p === process.pid) return true
      return false
    }
    for (const pid of [process.pid, ...[...parents.keys()].filter(ours)])
      await writeFile(`/proc/${pid}/autogroup`, nice).catch(() => {})
  }
  const timer = setInterval(() => void apply().catch(() => {}), 1000)
  timer.unref()
  void apply().catch(() => {})
  return timer
}
