import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import { stopProcessGroup } from './local-services.js'

export interface SupervisedProcess {
  /** The child running now (a new one after every restart). */
  current(): ChildProcess
  /** How many times the child was restarted after a crash. */
  restarts(): number
  /** Stops the child and any pending restart; no restart follows. */
  stop(): Promise<void>
}

export interface SuperviseOptions {
  name: string
  args: string[]
  env: NodeJS.ProcessEnv
  say: (line: string) => void
  stdio?: StdioOptions
  /** Called with every child started, the first and each restart (tests read its output). */
  onStart?: (child: ChildProcess) => void
  /** First delay before a restart; doubles on each crash in a row up to maxDelayMs. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** A child that ran this long before crashing starts the back-off again from initialDelayMs. */
  stableAfterMs?: number
}

/**
 * Runs one platform process (server or workers) under `npm start` and restarts it when it dies on its own, with a
 * growing delay and a line saying so, so one crashed process no longer takes the database and the other process down
 * with it. Each child runs in its own process group, so stopping it also stops anything it started.
 */
export function superviseProcess(options: SuperviseOptions): SupervisedProcess {
  const initialDelayMs = options.initialDelayMs ?? 1000
  const maxDelayMs = options.maxDelayMs ?? 30_000
  const stableAfterMs = options.stableAfterMs ?? 60_000
  let stopping = false
  let restartCount = 0
  let delayMs = initialDelayMs
  let timer: NodeJS.Timeout | null = null
  let child: ChildProcess

  const start = () => {
    const startedAt = Date.now()
    child = spawn(process.execPath, options.args, {
      env: options.env,
      detached: true,
      stdio: options.stdio ?? 'inherit',
    })
    options.onStart?.(child)
    child.on('exit', (code, signal) => {
      if (stopping) return
      if (Date.now() - startedAt >= stableAfterMs) delayMs = initialDelayMs
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`
      options.say(`${options.name} ${how}; restarting in ${Math.round(delayMs / 100) / 10} s`)
      timer = setTimeout(() => {
        timer = null
        if (stopping) return
        restartCount += 1
        start()
        options.say(`${options.name} restarted (restart ${restartCount}, pid ${child.pid})`)
      }, delayMs)
      delayMs = Math.min(delayMs * 2, maxDelayMs)
    })
  }
  start()

  return {
    current: () => child,
    restarts: () => restartCount,
    async stop() {
      stopping = true
      if (timer) clearTimeout(timer)
      await stopProcessGroup(child)
    },
  }
}
