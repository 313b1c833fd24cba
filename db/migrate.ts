import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { Sql } from './client.js'

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
const LOCK_KEY = 727_001 // pg_advisory_lock key shared by every process that migrates

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort()
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8')
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      }
    }),
  )
}

/**
 * Apply pending migrations, each in its own transaction, under a session advisory lock so two
 * processes starting at once migrate once. Migrations are append-only: an applied file whose
 * checksum changed stops the start instead of being silently skipped.
 */
export async function migrate(sql: Sql, options: { dir?: string } = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.dir)
  const reserved = await sql.reserve()
  const applied: string[] = []
  try {
    await reserved`select pg_advisory_lock(${LOCK_KEY})`
    await reserved`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`
    const done = await reserved<{ version: number; checksum: string; name: string }[]>`
      select version, checksum, name from schema_migrations order by version`
    const byVersion = new Map(done.map((r) => [r.version, r]))
    for (const m of migrations) {
      const prior = byVersion.get(m.version)
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead`)
        }
        continue
      }
      await reserved.unsafe('begin')
      try {
        await reserved.unsafe(m.sql)
        await reserved`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`
        await reserved.unsafe('commit')
      } catch (error) {
        await reserved.unsafe('rollback')
        throw error
      }
      applied.push(m.name)
    }
  } finally {
    await reserved`select pg_advisory_unlock(${LOCK_KEY})`.catch(() => {})
    reserved.release()
  }
  return { applied }
}

/** True when every migration file in the repository is recorded as applied. */
export async function migrationsApplied(sql: Sql, options: { dir?: string } = {}): Promise<boolean> {
  const migrations = await readMigrations(options.dir)
  const [ledger] = await sql<{ exists: boolean }[]>`select to_regclass('schema_migrations') is not null as exists`
  if (!ledger?.exists) return migrations.length === 0
  const rows = await sql<{ version: number }[]>`select version from schema_migrations`
  const have = new Set(rows.map((r) => r.version))
  return migrations.every((m) => have.has(m.version))
}
