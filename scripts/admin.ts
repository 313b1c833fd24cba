/**
 * `npm run admin -- <command>`: what an operator does on a fresh deployment before anyone can sign in, and the
 * encryption key's rotation. Runs against DATABASE_URL (in compose: `docker compose run --rm server npm run admin -- …`).
 * Every change is audited (ids only). Exit codes: 0 done (or nothing to change), 1 refused or failed, 2 wrong usage.
 * One line per error, never a stack.
 */
import { parseArgs } from 'node:util'
import { createSql, type Sql } from '../db/client.js'
import {
  createAdmin,
  createRoom,
  editRoom,
  OperatorError,
  setFacilitatorVerified,
  setOnCallRotation,
  setRole,
  type Outcome,
  type RoomInput,
} from '../core/admin/admin.service.js'
import { isAppKey, rotateEncryptionKey } from '../core/identity/key-rotation.js'

class UsageError extends Error {}

type Options = Record<string, { type: 'string' | 'boolean' }>
interface Command {
  usage: string
  summary: string
  options: Options
  run: (values: Record<string, string | boolean | undefined>, sql: Sql) => Promise<Outcome>
}

const str = { type: 'string' } as const
const roomOptions: Options = {
  slug: str,
  title: str,
  description: str,
  language: str,
  rules: str,
  locked: str,
  'slow-mode': str,
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`)
  return value
}

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`)
  return Number(value)
}

function yesNo(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined
  if (!['true', 'false', 'yes', 'no'].includes(value)) throw new UsageError(`--${name} must be true or false`)
  return value === 'true' || value === 'yes'
}

function roomInput(values: Record<string, string | boolean | undefined>): RoomInput {
  const s = (k: string) => values[k] as string | undefined
  const language = s('language')
  if (language !== undefined && language !== 'en' && language !== 'pl')
    throw new UsageError('--language must be en or pl')
  return {
    slug: required(values, 'slug'),
    title: s('title'),
    description: s('description'),
    language,
    rules: s('rules'),
    locked: yesNo(s('locked'), 'locked'),
    slowModeSeconds: wholeNumber(s('slow-mode'), 'slow-mode'),
  }
}

const COMMANDS: Record<string, Command> = {
  'create-admin': {
    usage: 'create-admin --email <email> [--username <name>]',
    summary:
      'create an admin account; the password is typed at a hidden prompt or read from stdin (first line), never from the command line',
    options: { email: str, username: str },
    run: async (v, sql) =>
      createAdmin(
        { sql },
        {
          email: required(v, 'email'),
          username: v.username as string | undefined,
          password: await readSecret('password'),
        },
      ),
  },
  'role set': {
    usage: 'role set --email <email> --role <member|facilitator|clinician|admin>',
    summary: "change an account's role (clinicians for the on-call rotation, facilitators for groups)",
    options: { email: str, role: str },
    run: (v, sql) => setRole({ sql }, { email: required(v, 'email'), role: required(v, 'role') }),
  },
  'facilitator verify': {
    usage: 'facilitator verify --email <email>',
    summary: 'mark a facilitator\'s licence as checked (they may lead groups; the profile shows "verified")',
    options: { email: str },
    run: (v, sql) => setFacilitatorVerified({ sql }, { email: required(v, 'email'), verified: true }),
  },
  'facilitator withdraw': {
    usage: 'facilitator withdraw --email <email>',
    summary: "withdraw a facilitator's licence verification",
    options: { email: str },
    run: (v, sql) => setFacilitatorVerified({ sql }, { email: required(v, 'email'), verified: false }),
  },
  'room create': {
    usage:
      'room create --slug <slug> --title <title> --language <en|pl> [--description <text>] [--rules <text>] [--locked true|false] [--slow-mode <seconds>]',
    summary: 'create a 24/7 topic room (an existing slug is left unchanged)',
    options: roomOptions,
    run: (v, sql) => createRoom({ sql }, roomInput(v)),
  },
  'room edit': {
    usage:
      'room edit --slug <slug> [--title <title>] [--language <en|pl>] [--description <text>] [--rules <text>] [--locked true|false] [--slow-mode <seconds>]',
    summary: 'change the given fields of a room (changed rules are accepted again by members)',
    options: roomOptions,
    run: (v, sql) => editRoom({ sql }, roomInput(v)),
  },
  'oncall set-rotation': {
    usage:
      'oncall set-rotation --clinicians <email,email,…> [--supervisor <email>] [--shift-hours 24] [--handoff 09:00] [--time-zone Europe/Warsaw] [--starts-on YYYY-MM-DD] [--ack-minutes 5] [--name Clinicians]',
    summary:
      'set the on-call rotation (clinicians in order, one shift each) and the default policy that pages it, then the supervisor',
    options: {
      clinicians: str,
      supervisor: str,
      'shift-hours': str,
      handoff: str,
      'time-zone': str,
      'starts-on': str,
      'ack-minutes': str,
      name: str,
    },
    run: (v, sql) => {
      const s = (k: string) => v[k] as string | undefined
      return setOnCallRotation(
        { sql },
        {
          name: s('name') ?? 'Clinicians',
          clinicians: required(v, 'clinicians')
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
          supervisor: s('supervisor'),
          shiftHours: wholeNumber(s('shift-hours'), 'shift-hours') ?? 24,
          handoffTime: s('handoff') ?? '09:00',
          timeZone: s('time-zone') ?? 'Europe/Warsaw',
          startsOn: s('starts-on') ?? new Date().toISOString().slice(0, 10),
          ackMinutes: wholeNumber(s('ack-minutes'), 'ack-minutes') ?? 5,
        },
      )
    },
  },
  'rotate-encryption-key': {
    usage:
      'rotate-encryption-key [--batch-size 200]   (new key in NEW_ENCRYPTION_KEY or on stdin; old key in ENCRYPTION_KEY, and ENCRYPTION_KEY_PREVIOUS if set)',
    summary:
      're-encrypt identity data and wrap the self-care keys again with a new key; resumable; then swap ENCRYPTION_KEY',
    options: { 'batch-size': str },
    run: async (v, sql) => {
      const oldKeys = [process.env.ENCRYPTION_KEY, process.env.ENCRYPTION_KEY_PREVIOUS].filter((k): k is string =>
        Boolean(k),
      )
      if (oldKeys.length === 0) throw new OperatorError('ENCRYPTION_KEY (the key in use now) is required')
      if (!oldKeys.every(isAppKey)) throw new OperatorError('ENCRYPTION_KEY must be 32 bytes, base64-encoded')
      const newKey = (process.env.NEW_ENCRYPTION_KEY ?? (await readSecret('new encryption key'))).trim()
      if (!isAppKey(newKey))
        throw new OperatorError('the new key must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      if (oldKeys.includes(newKey)) throw new OperatorError('the new key is the key in use: nothing to rotate')
      const report = await rotateEncryptionKey(
        { sql },
        { oldKeys, newKey, batchSize: wholeNumber(v['batch-size'] as string | undefined, 'batch-size') },
      )
      const done = `${report.resealed} values re-encrypted, ${report.alreadyNew} already under the new key`
      if (report.unreadable > 0) {
        throw new OperatorError(
          `${done}, ${report.unreadable} open with neither key and were left unchanged: set ENCRYPTION_KEY_PREVIOUS to the key they were written with and run again`,
        )
      }
      return {
        changed: report.resealed > 0,
        message:
          `${done}. Now set ENCRYPTION_KEY to the new key and restart server and workers` +
          ' (keep the old key as ENCRYPTION_KEY_PREVIOUS for the next run if anything was written meanwhile, then run this again)',
      }
    },
  },
}

/** A secret from a hidden prompt on a terminal, or the first line of stdin when piped. */
async function readSecret(what: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) {
    let text = ''
    for await (const chunk of stdin) text += chunk
    const line = text.split(/\r?\n/)[0] ?? ''
    if (!line) throw new OperatorError(`no ${what} on stdin`)
    return line
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve, reject) => {
      process.stderr.write(prompt)
      stdin.setRawMode(true)
      stdin.resume()
      let typed = ''
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            done()
            return resolve(typed)
          }
          if (ch === '\u0003') {
            done()
            return reject(new OperatorError('cancelled'))
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1)
          else typed += ch
        }
      }
      const done = () => {
        stdin.off('data', onData)
        stdin.setRawMode(false)
        stdin.pause()
        process.stderr.write('\n')
      }
      stdin.on('data', onData)
    })
  const first = await ask(`${what}: `)
  if ((await ask(`${what} again: `)) !== first) throw new OperatorError(`the two ${what}s differ`)
  return first
}

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`)
  return `usage: npm run admin -- <command> [options]   (each command takes --help)\n\ncommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    console.error(
      'admin: refusing --password: a password on the command line stays in shell history and the process list; type it at the prompt or pipe it on stdin',
    )
    return 2
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    process.stdout.write(help())
    return argv.length === 0 ? 2 : 0
  }
  const name = COMMANDS[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0]!
  const command = COMMANDS[name]
  if (!command) {
    console.error(`admin: unknown command "${argv.slice(0, 2).join(' ')}" (npm run admin -- --help lists them)`)
    return 2
  }
  const rest = argv.slice(name.split(' ').length)
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: npm run admin -- ${command.usage}\n  ${command.summary}\n`)
    return 0
  }
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values
  } catch (error) {
    console.error(`admin: ${(error as Error).message.split('\n')[0]} (usage: ${command.usage})`)
    return 2
  }
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error('admin: DATABASE_URL is required')
    return 1
  }
  const sql = createSql(url, { max: 2, application: 'holdspace-admin' })
  try {
    const outcome = await command.run(values, sql)
    console.log(outcome.message)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`admin: ${error.message} (usage: ${command.usage})`)
      return 2
    }
    console.error(
      `admin: ${error instanceof OperatorError ? error.message : `failed: ${(error as Error).message.split('\n')[0]}`}`,
    )
    return 1
  } finally {
    await sql.end({ timeout: 5 })
  }
}

process.exitCode = await main(process.argv.slice(2))
