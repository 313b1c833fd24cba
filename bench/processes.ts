import { spawn, type ChildProcess } from 'node:child_process'
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
  const child = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, '--import', 'tsx', entry], {
    env,
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
