/**
 * Keeps the import direction of docs/architecture.md: db ← core ← app, server, workers.
 * app, server and workers never import each other; core never imports Express, Remix, Socket.IO's
 * server or a BullMQ Worker; core/contracts stays browser-safe. Inside core, slices import one way
 * (SLICE_ORDER, docs/decisions/032). Run by `npm test` (tests/imports.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface Violation {
  file: string
  imported: string
  rule: string
}

const TOP = ['app', 'server', 'workers', 'core', 'db'] as const
type Top = (typeof TOP)[number]

const FORBIDDEN_TOP: Record<Top, Top[]> = {
  db: ['core', 'app', 'server', 'workers'],
  core: ['app', 'server', 'workers'],
  app: ['server', 'workers'],
  server: ['app', 'workers'],
  workers: ['app', 'server'],
}
/**
 * Inside core. PLATFORM folders serve every slice and import only each other (and core's root files: deps, errors…).
 * Slices are listed bottom first: a slice imports only slices listed before it, and the platform. Only
 * core/composition (the root, docs/decisions/030) imports every slice, and nothing in core imports it but core/runtime.ts,
 * which builds the processes' deps. A new folder under core must be added to one of the two lists.
 */
export const CORE_PLATFORM = [
  'contracts',
  'config',
  'log',
  'realtime',
  'storage',
  'audit',
  'outbox',
  'notify',
  'security',
  'text',
]
export const SLICE_ORDER = [
  'identity',
  'legal',
  'rooms',
  'groups',
  'chat',
  'roomhours',
  'crisis',
  'moderation',
  'reactions',
  'messages',
  'selfcare',
  'library',
  'measures',
  'video',
  'sessionnotes',
  'presence',
  'retention',
  'admin',
]
/** Known imports against the direction, each with its reason; a new one fails the check. */
const KNOWN_EXCEPTIONS: Record<string, string> = {
  'core/notify/emails.ts -> identity': 'the Locale type; to move into core/contracts',
  'core/security/rate-limit.ts -> identity': 'keyedDigest for rate-limit keys; to move into core/security',
  'core/outbox/dead-letter.ts -> crisis':
    'the alarms table is written through crisis.queries; to move into its own queries file',
}

function coreSliceRule(rel: string, spec: string, file: string, root: string): string | null {
  const from = rel.split(path.sep)
  const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)
  if (target[0] !== 'core' || from.length < 3 || target.length < 3) return null // core/*.ts: the kernel (deps, errors, runtime)
  const [src, dst] = [from[1]!, target[1]!]
  if (src === dst) return null
  if (dst === 'composition')
    return rel === path.join('core', 'runtime.ts') ? null : `core/${src} must not import core/composition`
  if (src === 'composition') return null
  if (KNOWN_EXCEPTIONS[`${from.join('/')} -> ${dst}`]) return null
  const known = (name: string) => CORE_PLATFORM.includes(name) || SLICE_ORDER.includes(name)
  if (!known(src)) return `core/${src} is in neither CORE_PLATFORM nor SLICE_ORDER (scripts/check-imports.ts)`
  if (!known(dst)) return `core/${dst} is in neither CORE_PLATFORM nor SLICE_ORDER (scripts/check-imports.ts)`
  if (CORE_PLATFORM.includes(dst)) return null
  if (CORE_PLATFORM.includes(src)) return `core/${src} (platform) must not import the ${dst} slice`
  return SLICE_ORDER.indexOf(dst) < SLICE_ORDER.indexOf(src)
    ? null
    : `core/${src} must not import core/${dst} (slice order)`
}

const CORE_FORBIDDEN_PACKAGES = [/^express$/, /^@remix-run\//, /^socket\.io$/, /^@socket\.io\/redis-adapter$/, /^react/]

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(full))
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full)
  }
  return out
}

export function checkImports(root = process.cwd()): Violation[] {
  const violations: Violation[] = []
  for (const top of TOP) {
    for (const file of sourceFiles(path.join(root, top))) {
      const text = readFileSync(file, 'utf8')
      const rel = path.relative(root, file)
      for (const match of text.matchAll(
        /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const spec = (match[1] ?? match[2])!
        if (spec.startsWith('.')) {
          const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0] as Top
          if (FORBIDDEN_TOP[top].includes(target))
            violations.push({ file: rel, imported: spec, rule: `${top} must not import ${target}` })
          if (top === 'core') {
            const rule = coreSliceRule(rel, spec, file, root)
            if (rule) violations.push({ file: rel, imported: spec, rule })
          }
          if (rel.startsWith(path.join('core', 'contracts')) && !spec.startsWith('./')) {
            violations.push({ file: rel, imported: spec, rule: 'core/contracts imports only its own files' })
          }
        } else if (top === 'core') {
          if (CORE_FORBIDDEN_PACKAGES.some((re) => re.test(spec)))
            violations.push({ file: rel, imported: spec, rule: `core must not import ${spec}` })
          if (spec === 'bullmq' && /\bWorker\b/.test(text.slice(match.index!, match.index! + 200))) {
            violations.push({ file: rel, imported: spec, rule: 'core must not import a BullMQ Worker' })
          }
          if (rel.startsWith(path.join('core', 'contracts')) && spec !== 'zod') {
            violations.push({ file: rel, imported: spec, rule: 'core/contracts must stay browser-safe (zod only)' })
          }
        }
      }
      if (top === 'app' && !/\.server\.tsx?$/.test(file) && /from\s+['"](\.\.\/)+core\/(?!contracts\/)/.test(text)) {
        violations.push({
          file: rel,
          imported: 'core',
          rule: 'app reaches core only through *.server.ts files (or core/contracts)',
        })
      }
    }
  }
  return violations
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkImports()
  for (const v of violations) console.error(`${v.file}: ${v.rule} (${v.imported})`)
  console.log(
    violations.length ? `${violations.length} import violations` : 'imports follow db <- core <- app, server, workers',
  )
  process.exit(violations.length ? 1 : 0)
}
