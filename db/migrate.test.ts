import { mkdtemp, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEmptyDatabase } from '../tests/support/database.js'
import { createSql } from './client.js'
import { MIGRATIONS_DIR, migrate, migrationsApplied } from './migrate.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function emptyDb() {
  const db = await createEmptyDatabase()
  const clients = Array.from({ length: 4 }, () => createSql(db.url, { max: 1 }))
  cleanups.push(async () => {
    await Promise.all(clients.map((c) => c.end()))
    await db.drop()
  })
  return clients
}

describe('migrations', () => {
  it('run once when four processes start at the same moment', async () => {
    const clients = await emptyDb()
    const results = await Promise.all(clients.map((sql) => migrate(sql)))
    const appliedCounts = results.map((r) => r.applied.length)
    const total = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).length
    expect(appliedCounts.filter((n) => n === total)).toHaveLength(1)
    expect(appliedCounts.filter((n) => n === 0)).toHaveLength(3)
    const ledger = await clients[0]!`select version from schema_migrations order by version`
    expect(ledger).toHaveLength(total)
    expect(await migrationsApplied(clients[0]!)).toBe(true)
  })

  it('refuse to continue when an applied migration file was edited', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hs-mig-'))
    await writeFile(path.join(dir, '0001_one.sql'), 'create table one (id int);')
    const [sql] = await emptyDb()
    await migrate(sql!, { dir })
    await writeFile(path.join(dir, '0001_one.sql'), 'create table one (id bigint);')
    await expect(migrate(sql!, { dir })).rejects.toThrow(/0001_one was changed/)
  })

  it('roll back a failing migration entirely and record nothing for it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hs-mig-'))
    await writeFile(path.join(dir, '0001_one.sql'), 'create table one (id int);')
    await writeFile(path.join(dir, '0002_bad.sql'), 'create table two (id int); select no_such_function();')
    const [sql] = await emptyDb()
    await expect(migrate(sql!, { dir })).rejects.toThrow()
    const [two] = await sql!`select to_regclass('two') as t`
    expect(two!.t).toBeNull()
    expect(await sql!`select version from schema_migrations`).toEqual([{ version: 1 }])
    expect(await migrationsApplied(sql!, { dir })).toBe(false)
  })
})
