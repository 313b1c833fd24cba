/**
 * Keeps the import direction of docs/architecture.md: db ← core ← app, server, workers.
 * app, server and workers never import each other; core never imports Express, Remix, Socket.IO's
 * server or a BullMQ Worker; core/contracts stays browser-safe. Run by `npm test` (tests/imports.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface Violation { file: string; imported: string; rule: string }

const TOP = ['app', 'server', 'workers', 'core', 'db'] as const
type Top = (typeof TOP)[number]

const FORBIDDEN_TOP: Record<Top, Top[]> = {
  db: ['core', 'app', 'server', 'workers'],
  core: ['app', 'server', 'workers'],
  app: ['server', 'workers'],
  server: ['app', 'workers'],
  workers: ['app', 'server'],
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
      for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (match[1] ?? match[2])!
        if (spec.startsWith('.')) {
          const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0] as Top
          if (FORBIDDEN_TOP[top].includes(target)) violations.push({ file: rel, imported: spec, rule: `${top} must not import ${target}` })
          if (rel.startsWith(path.join('core', 'contracts')) && !spec.startsWith('./')) {
            violations.push({ file: rel, imported: spec, rule: 'core/contracts imports only its own files' })
          }
        } else if (top === 'core') {
          if (CORE_FORBIDDEN_PACKAGES.some((re) => re.test(spec))) violations.push({ file: rel, imported: spec, rule: `core must not import ${spec}` })
          if (spec === 'bullmq' && /\bWorker\b/.test(text.slice(match.index!, match.index! + 200))) {
            violations.push({ file: rel, imported: spec, rule: 'core must not import a BullMQ Worker' })
          }
          if (rel.startsWith(path.join('core', 'contracts')) && spec !== 'zod') {
            violations.push({ file: rel, imported: spec, rule: 'core/contracts must stay browser-safe (zod only)' })
          }
        }
      }
      if (top === 'app' && !/\.server\.tsx?$/.test(file) && /from\s+['"](\.\.\/)+core\/(?!contracts\/)/.test(text)) {
        violations.push({ file: rel, imported: 'core', rule: 'app reaches core only through *.server.ts files (or core/contracts)' })
      }
    }
  }
  return violations
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkImports()
  for (const v of violations) console.error(`${v.file}: ${v.rule} (${v.imported})`)
  console.log(violations.length ? `${violations.length} import violations` : 'imports follow db <- core <- app, server, workers')
  process.exit(violations.length ? 1 : 0)
}
