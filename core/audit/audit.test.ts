import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { runAuditVerify } from '../../scripts/audit-verify.js'
import { recordAudit, verifyAuditChain } from './audit.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps?.close()
})

const append = (i: number) =>
  deps.sql.begin((tx) =>
    recordAudit(tx, deps, {
      actorAccountId: crypto.randomUUID(),
      action: 'identity.reveal',
      targetType: 'incident',
      targetId: `t${i}`,
      reason: `reason ${i}`,
      details: { n: i },
    }),
  )

describe('the audit log', () => {
  it('keeps one linear hash chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => append(i)))
    const rows = await deps.sql<
      { id: string; prev_hash: string; hash: string }[]
    >`select id::text, prev_hash, hash from audit_log order by audit_log.id`
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    expect(await verifyAuditChain(deps.sql)).toEqual({ ok: true, rows: 25 })
  })

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const original = (await deps.sql`select reason from audit_log where id = 3`)[0]!.reason as string
    await expect(deps.sql`update audit_log set reason = 'nothing happened' where id = 3`).rejects.toThrow(/append-only/)
    await expect(deps.sql`delete from audit_log where id = 3`).rejects.toThrow(/append-only/)
    await expect(deps.sql`truncate audit_log`).rejects.toThrow(/append-only/)
    expect((await deps.sql`select reason from audit_log where id = 3`)[0]!.reason).toBe(original)
  })

  it('finds the first tampered row, even when the trigger was switched off by a superuser', async () => {
    const lines: string[] = []
    expect(await runAuditVerify(deps.databaseUrl, (l) => lines.push(l))).toBe(0)
    const original = (await deps.sql`select reason from audit_log where id = 7`)[0]!.reason as string
    await deps.sql.unsafe('alter table audit_log disable trigger audit_log_no_update_delete')
    await deps.sql`update audit_log set reason = 'routine check' where id = 7`
    await deps.sql.unsafe('alter table audit_log enable trigger audit_log_no_update_delete')
    expect(await verifyAuditChain(deps.sql)).toEqual({ ok: false, rows: 6, brokenAt: 7, problem: 'hash' })
    expect(await runAuditVerify(deps.databaseUrl, (l) => lines.push(l))).toBe(1)
    expect(lines.at(-1)).toMatch(/broken at row 7/)

    // A deleted row breaks the link of the row after it.
    await deps.sql.unsafe('alter table audit_log disable trigger audit_log_no_update_delete')
    await deps.sql`update audit_log set reason = ${original} where id = 7`
    expect(await verifyAuditChain(deps.sql)).toEqual({ ok: true, rows: 25 })
    await deps.sql`delete from audit_log where id = 12`
    await deps.sql.unsafe('alter table audit_log enable trigger audit_log_no_update_delete')
    expect(await verifyAuditChain(deps.sql)).toMatchObject({ ok: false, brokenAt: 12, problem: 'gap' })
  })
})
