import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSql, type Sql } from '../db/client.js'
import { seed } from '../db/seed.js'
import { recordAudit, verifyAuditChain } from '../core/audit/audit.service.js'
import { decryptSensitiveProfile, saveSensitiveProfile } from '../core/identity/identity.service.js'
import * as selfcare from '../core/selfcare/selfcare.service.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { makeAccount } from '../tests/support/groups.js'
import { childEnv, runTsxCommand } from '../tests/support/processes.js'

/**
 * `npm run backup` and `npm run restore` as an operator runs them, against this test's embedded PostgreSQL and a
 * local uploads folder: back up, wipe both (drop the schema, delete the files), restore, and find every row and
 * every file again.
 */
let deps: TestDeps
let fresh: Sql
const work = mkdtempSync(path.resolve('.data/test/backup-'))
const uploads = path.join(work, 'uploads')
const backupDir = path.join(work, 'backup')
beforeAll(async () => {
  deps = await createTestDeps()
  fresh = createSql(deps.databaseUrl, { max: 1, application: 'holdspace-test' })
})
afterAll(async () => {
  await fresh.end({ timeout: 5 })
  await deps.close()
  rmSync(work, { recursive: true, force: true })
})

async function rowCounts(sql: Sql): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by 1`
  const counts: Record<string, number> = {}
  for (const { name } of tables)
    counts[name] = (await sql.unsafe<[{ n: number }]>(`select count(*)::int as n from "${name}"`))[0].n
  return counts
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const env = (extra: Record<string, string> = {}) => childEnv(deps, { UPLOADS_DIR: uploads, ...extra })

describe('npm run backup / npm run restore', () => {
  it('backs up the database and the uploads, and after both are wiped restores every row and every file', async () => {
    await seed(deps.sql)
    const member = await makeAccount(deps, 'member')
    await saveSensitiveProfile(deps, member.accountId, { legalName: 'Backup Person', emergencyContact: 'Friend, 123' })
    const entry = await selfcare.writeJournalEntry(deps, member.account, {
      title: 'Before the backup',
      body: 'Kept through a restore.',
    })
    const keys = [
      `${randomBytes(8).toString('hex')}/${randomBytes(12).toString('hex')}`,
      `${randomBytes(8).toString('hex')}/${randomBytes(12).toString('hex')}`,
    ]
    for (const [i, key] of keys.entries()) {
      mkdirSync(path.dirname(path.join(uploads, key)), { recursive: true })
      writeFileSync(path.join(uploads, key), randomBytes(1000 + i * 70_000))
    }
    await deps.sql.begin((tx) =>
      recordAudit(tx, deps, {
        actorAccountId: null,
        action: 'room.created',
        targetType: 'room',
        targetId: 'backup-test',
      }),
    )
    const digests = keys.map((k) => digest(path.join(uploads, k)))
    const before = await rowCounts(fresh)
    expect(before.accounts).toBeGreaterThan(4)
    expect(before.rooms).toBeGreaterThan(5)
    expect(before.audit_log).toBeGreaterThan(0)

    const backup = await runTsxCommand('scripts/backup.ts', ['--out', backupDir], env())
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/^backup written to .+: \d+ tables, \d+ rows, 2 files \(disk\)\n$/)
    // Nothing readable of the member's private data in the backup: identity data and the journal stay ciphertext.
    const dumped =
      readFileSync(path.join(backupDir, 'database/sensitive_profiles.copy'), 'utf8') +
      readFileSync(path.join(backupDir, 'database/journal_entries.copy'), 'utf8')
    expect(dumped).not.toMatch(/Backup Person|Kept through/)

    // The disaster: the schema and every uploaded file are gone.
    await fresh.unsafe('drop schema public cascade; create schema public')
    rmSync(uploads, { recursive: true, force: true })
    expect(await rowCounts(fresh)).toEqual({})

    const restore = await runTsxCommand('scripts/restore.ts', [backupDir], env())
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)
    expect(restore.stdout).toMatch(/^restored from .+: \d+ tables, \d+ rows, 2 files\n$/)

    const after = createSql(deps.databaseUrl, { max: 1, application: 'holdspace-test' })
    try {
      const { schema_migrations: _ledgerAfter, ...restored } = await rowCounts(after)
      const { schema_migrations: _ledgerBefore, ...original } = before
      expect(restored).toEqual(original)
      for (const [i, key] of keys.entries()) expect(digest(path.join(uploads, key))).toBe(digests[i])
      // The restored data still reads with the same key, the audit chain is whole, and new rows get fresh ids.
      const restoredDeps = { ...deps, sql: after }
      expect(await decryptSensitiveProfile(restoredDeps, member.accountId)).toEqual({
        legalName: 'Backup Person',
        emergencyContact: 'Friend, 123',
      })
      expect(await selfcare.getJournalEntry(restoredDeps, member.account, entry.id)).toMatchObject({
        body: 'Kept through a restore.',
      })
      expect(await verifyAuditChain(after)).toMatchObject({ ok: true })
      await after`insert into consents (account_id, kind, version) values (${member.accountId}, 'health_data_processing', 'after-restore')`

      // A second restore onto the live data is refused and changes nothing.
      const again = await runTsxCommand('scripts/restore.ts', [backupDir], env())
      expect(again.code).toBe(1)
      expect(again.stderr).toBe(
        'restore refused: the database already holds accounts: restore into an empty database (or drop its schema first, see docs/operations.md)\n',
      )
      expect((await rowCounts(after)).consents).toBe(original.consents! + 1)
    } finally {
      await after.end({ timeout: 5 })
    }
  }, 180_000)

  it('refuses a folder that is not a backup with one line, and no folder with its usage', async () => {
    const notBackup = await runTsxCommand('scripts/restore.ts', [work], env())
    expect(notBackup.code).toBe(1)
    expect(notBackup.stderr).toBe(`restore: ${work} has no manifest.json: not a backup made by npm run backup\n`)
    const usage = await runTsxCommand('scripts/restore.ts', [], env())
    expect(usage.code).toBe(2)
    expect(usage.stderr).toBe('restore: usage: npm run restore -- <backup folder>\n')
  }, 120_000)
})
