import { readdir, readFile } from 'node:fs/promises'

/**
 * CPU time of the processes a bench run started, by kind, from /proc: where the machine's cores went during a step.
 * Every process the bench starts (server processes, bare servers, load clients, the embedded PostgreSQL and
 * redis-server) descends from the bench's own process; other work on the machine does not, so it is not counted.
 * A process's figure includes its reaped children (PostgreSQL's postmaster reaps backends that exit).
 */
export interface CpuSample {
  /** ms of CPU (user + system) by kind: 'postgres', 'redis', 'server', 'load', 'other'. */
  byKind: Record<string, number>
  /** Wall-clock ms of the sample (performance.now()). */
  at: number
  /** Busy CPU of the whole machine so far (every process, ours or not), ms, from /proc/stat. */
  machineBusyMs: number
}

const TICK_MS = 10 // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number
  ppid: number
  comm: string
  cpuMs: number
}

async function readStat(pid: number): Promise<ProcStat | null> {
  try {
    const raw = await readFile(`/proc/${pid}/stat`, 'utf8')
    const open = raw.indexOf('(')
    const close = raw.lastIndexOf(')')
    const fields = raw.slice(close + 2).split(' ')
    // After the comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
    return { pid, ppid: Number(fields[1]), comm: raw.slice(open + 1, close), cpuMs: ticks * TICK_MS }
  } catch {
    return null // exited between readdir and read
  }
}

/**
 * One sample of the CPU used so far by the descendants of `root` (default: this process), grouped by kind.
 * `kinds` names known pids (server processes, load clients); the rest are told apart by their command name.
 */
export async function sampleCpu(kinds: ReadonlyMap<number, string>, root = process.pid): Promise<CpuSample> {
  const at = performance.now()
  // cpu  user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  const total = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const machineBusyMs = (total.reduce((sum, n) => sum + n, 0) - (total[3] ?? 0) - (total[4] ?? 0)) * TICK_MS
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number)
  const stats = (await Promise.all(pids.map(readStat))).filter((s): s is ProcStat => s !== null)
  const children = new Map<number, ProcStat[]>()
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s])
  const byKind: Record<string, number> = {}
  const visit = (pid: number, inherited: string | null) => {
    for (const child of children.get(pid) ?? []) {
      const kind =
        kinds.get(child.pid) ??
        inherited ??
        (child.comm.startsWith('postgres') ? 'postgres' : child.comm.startsWith('redis') ? 'redis' : null)
      byKind[kind ?? 'other'] = (byKind[kind ?? 'other'] ?? 0) + child.cpuMs
      visit(child.pid, kind)
    }
  }
  visit(root, null)
  return { byKind, at, machineBusyMs }
}

/**
 * CPU used between two samples, by kind, as a share of one core (1.0 = one core busy for the whole interval).
 * A kind whose processes exited in between is left out rather than counted negative.
 */
export function coresBetween(before: CpuSample, after: CpuSample): Record<string, number> {
  const wallMs = after.at - before.at
  const cores: Record<string, number> = {}
  for (const [kind, ms] of Object.entries(after.byKind)) {
    const used = ms - (before.byKind[kind] ?? 0)
    if (used >= 0 && wallMs > 0) cores[kind] = Math.round((used / wallMs) * 100) / 100
  }
  const ours = Object.values(cores).reduce((sum, n) => sum + n, 0)
  const machine = wallMs > 0 ? (after.machineBusyMs - before.machineBusyMs) / wallMs : 0
  // What the rest of the machine (other people's work, the kernel) took meanwhile.
  cores.notBench = Math.max(0, Math.round((machine - ours) * 100) / 100)
  return cores
}
