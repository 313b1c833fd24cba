/**
 * The safety plan: sealed at rest, shared with the crisis team only by the member's choice, opened by a clinician
 * working the member's incident with an audit row per opening, exported, and gone with the account.
 */
import argon2 from 'argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { makeAccount, type TestAccount } from '../../tests/support/groups.js'
import { listAuditByAction } from '../audit/audit.service.js'
import { raiseCrisis, resolveIncident } from '../crisis/crisis.service.js'
import { deleteAccount } from '../identity/identity.service.js'
import { safetyPlanSchema } from './safety-plan.schema.js'
import {
  deleteSafetyPlan,
  getSafetyPlan,
  hasSharedSafetyPlan,
  openSharedSafetyPlan,
  saveSafetyPlan,
  setSafetyPlanSharing,
} from './safety-plan.service.js'
import { exportSelfCareData } from './selfcare.service.js'

let deps: TestDeps
let clinician: TestAccount
let admin: TestAccount

const planWith = (marker: string) =>
  safetyPlanSchema.parse({
    warningSigns: `${marker}-SIGNS I stop answering messages\nI lie awake past 3am`,
    copingStrategies: 'Walk the dog\nCold water on my face',
    distractions: 'The library café',
    peopleToAsk: 'My sister Ola',
    professionals: 'Dr Nowak, Tuesday clinic',
    safeEnvironment: 'Give the car keys to Ola',
    reasonsForLiving: `${marker}-REASONS my dog, my sister`,
  })

const staff = (a: TestAccount) => ({ accountId: a.accountId, role: a.account.role })

async function rowsWithBytes(text: string): Promise<number> {
  const [row] = await deps.sql<{ n: number }[]>`
    select count(*)::int as n from safety_plans where position(convert_to(${text}, 'UTF8') in content_enc) > 0`
  return row!.n
}

beforeAll(async () => {
  deps = await createTestDeps()
  clinician = await makeAccount(deps, 'clinician')
  admin = await makeAccount(deps, 'admin')
})
afterAll(async () => {
  await deps?.close()
})

describe('the member writes a plan', () => {
  it('keeps no plaintext in the database and reads back what was written', async () => {
    const member = await makeAccount(deps, 'member', { locale: 'pl' })
    await saveSafetyPlan(deps, member.account, planWith('SEALED-5521'))
    const [stored] = await deps.sql<
      { text: string }[]
    >`select content_enc::text as text, language from safety_plans where account_id = ${member.accountId}`
    expect(stored!.text).not.toContain('SEALED-5521')
    expect(await rowsWithBytes('SEALED-5521')).toBe(0)
    expect(await rowsWithBytes('Walk the dog')).toBe(0)

    const plan = await getSafetyPlan(deps, member.account)
    expect(plan?.content.warningSigns).toContain('SEALED-5521-SIGNS')
    expect(plan?.content.safeEnvironment).toBe('Give the car keys to Ola')
    expect(plan?.language).toBe('pl')
    expect(plan?.sharedAt).toBeNull()

    // Saving again replaces it in place (one plan per member).
    await saveSafetyPlan(deps, member.account, planWith('SECOND-1'))
    expect((await getSafetyPlan(deps, member.account))?.content.warningSigns).toContain('SECOND-1')
    const [n] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from safety_plans where account_id = ${member.accountId}`
    expect(n!.n).toBe(1)
  })

  it('refuses an empty plan and a section that is too long, and changes nothing', () => {
    expect(safetyPlanSchema.safeParse({}).success).toBe(false)
    expect(safetyPlanSchema.safeParse({ warningSigns: 'x'.repeat(2_001) }).success).toBe(false)
  })

  it('a ciphertext moved onto another member’s plan does not open', async () => {
    const a = await makeAccount(deps)
    const b = await makeAccount(deps)
    await saveSafetyPlan(deps, a.account, planWith('MOVED-A'))
    await saveSafetyPlan(deps, b.account, planWith('MOVED-B'))
    await deps.sql`update safety_plans set content_enc = (select content_enc from safety_plans where account_id = ${a.accountId}) where account_id = ${b.accountId}`
    await expect(getSafetyPlan(deps, b.account)).rejects.toThrow()
  })
})

describe('the crisis team sees it only if shared', () => {
  it('a shared plan opens for the clinician working the incident, and each opening is audited', async () => {
    const member = await makeAccount(deps)
    await saveSafetyPlan(deps, member.account, planWith('SHARED-7'))
    await setSafetyPlanSharing(deps, member.account, true)
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    const before = (await listAuditByAction(deps, 'safety_plan.view')).length

    expect(await hasSharedSafetyPlan(deps, staff(clinician), incidentId)).toBe(true)
    expect((await listAuditByAction(deps, 'safety_plan.view')).length).toBe(before)
    const plan = await openSharedSafetyPlan(deps, staff(clinician), incidentId)
    expect(plan.sections.find((s) => s.section === 'warningSigns')?.items).toEqual([
      'SHARED-7-SIGNS I stop answering messages',
      'I lie awake past 3am',
    ])
    await openSharedSafetyPlan(deps, staff(admin), incidentId)

    const audits = (await listAuditByAction(deps, 'safety_plan.view')).filter((a) => a.targetId === incidentId)
    expect(audits.map((a) => a.actorAccountId).sort()).toEqual([clinician.accountId, admin.accountId].sort())
    expect(JSON.stringify(audits)).not.toContain('SHARED-7')
    expect(JSON.stringify(audits)).not.toContain(member.accountId)
  })

  it('an unshared plan is not offered and does not open; nothing is audited', async () => {
    const member = await makeAccount(deps)
    await saveSafetyPlan(deps, member.account, planWith('PRIVATE-3'))
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    const before = (await listAuditByAction(deps, 'safety_plan.view')).length
    expect(await hasSharedSafetyPlan(deps, staff(clinician), incidentId)).toBe(false)
    await expect(openSharedSafetyPlan(deps, staff(clinician), incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await listAuditByAction(deps, 'safety_plan.view')).length).toBe(before)
  })

  it('withdrawn consent, a resolved incident and other roles are refused', async () => {
    const member = await makeAccount(deps)
    const facilitator = await makeAccount(deps, 'facilitator')
    await saveSafetyPlan(deps, member.account, planWith('REVOKED-9'))
    await setSafetyPlanSharing(deps, member.account, true)
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })

    await expect(openSharedSafetyPlan(deps, staff(facilitator), incidentId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      openSharedSafetyPlan(deps, { accountId: member.accountId, role: 'member' }, incidentId),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })

    await setSafetyPlanSharing(deps, member.account, false)
    await expect(openSharedSafetyPlan(deps, staff(clinician), incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await setSafetyPlanSharing(deps, member.account, true)
    await resolveIncident(deps, staff(clinician), incidentId, { outcome: 'no_risk' })
    expect(await hasSharedSafetyPlan(deps, staff(clinician), incidentId)).toBe(false)
    await expect(openSharedSafetyPlan(deps, staff(clinician), incidentId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a resolved incident with a follow-up still waiting keeps the plan open to the care team', async () => {
    const member = await makeAccount(deps)
    await saveSafetyPlan(deps, member.account, planWith('FOLLOW-4'))
    await setSafetyPlanSharing(deps, member.account, true)
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    await resolveIncident(deps, staff(clinician), incidentId, {
      outcome: 'follow_up',
      followUp: { followUpIn: '24h', followUpAt: '', answerWithinHours: 12 },
    })
    expect(await hasSharedSafetyPlan(deps, staff(clinician), incidentId)).toBe(true)
  })
})

describe('export and erasure', () => {
  it('the plan is in the export, and deleting the plan or the account leaves nothing', async () => {
    const password = 'a long secret phrase'
    const member = await makeAccount(deps, 'member', {
      email: 'plan@example.test',
      password: await argon2.hash(password),
    })
    await saveSafetyPlan(deps, member.account, planWith('EXPORT-88'))
    await setSafetyPlanSharing(deps, member.account, true)
    const exported = await exportSelfCareData(deps, member.accountId)
    expect(exported.safetyPlan?.warningSigns).toContain('EXPORT-88-SIGNS')
    expect(exported.safetyPlan?.sharedWithCrisisTeamSince).not.toBeNull()

    await deleteSafetyPlan(deps, member.account)
    expect(await getSafetyPlan(deps, member.account)).toBeNull()
    await expect(deleteSafetyPlan(deps, member.account)).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await saveSafetyPlan(deps, member.account, planWith('ERASE-77'))
    await deleteAccount(deps, member.accountId, password)
    const [left] = await deps.sql<{ plans: number; keys: number }[]>`
      select (select count(*)::int from safety_plans where account_id = ${member.accountId}) as plans,
             (select count(*)::int from selfcare_keys where account_id = ${member.accountId}) as keys`
    expect(left).toEqual({ plans: 0, keys: 0 })
  })
})
