import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import {
  enrol,
  groupInput,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  type TestAccount,
} from '../../tests/support/groups.js'
import { AppError } from '../errors.js'
import {
  createGroup,
  decideJoinRequest,
  facilitatorKey,
  getGroup,
  leaveGroup,
  listGroups,
  materializeSessions,
  requestToJoin,
  saveFacilitatorProfile,
  setFacilitatorVerified,
  updateGroup,
} from './groups.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected ${(e as Error).message}`),
  )

async function statuses(groupId: string) {
  return deps.sql<{ pseudonym: string; status: string; waitlistedAt: Date | null }[]>`
    select pseudonym, status, waitlisted_at as "waitlistedAt" from group_members where group_id = ${groupId} order by pseudonym`
}

describe('facilitator verification', () => {
  it('lets only a facilitator whose licence an admin verified create a group, and a licence change needs verifying again', async () => {
    const admin = await makeAccount(deps, 'admin')
    const facilitator = await makeAccount(deps, 'facilitator')
    const profile = {
      displayName: 'Dr Test',
      education: 'PhD',
      experience: '5 years',
      approach: 'ACT',
      languages: ['en' as const],
      licenceNumber: 'LIC-1',
      licenceJurisdiction: 'England',
    }
    expect(await code(saveFacilitatorProfile(deps, (await makeAccount(deps, 'member')).account, profile))).toBe(
      'FORBIDDEN',
    )
    await saveFacilitatorProfile(deps, facilitator.account, profile)
    expect(await code(createGroup(deps, facilitator.account, groupInput()))).toBe('FORBIDDEN')
    expect(
      await code(setFacilitatorVerified(deps, facilitator.account, facilitatorKey(deps, facilitator.accountId), true)),
    ).toBe('FORBIDDEN')

    await setFacilitatorVerified(deps, admin.account, facilitatorKey(deps, facilitator.accountId), true)
    const [audit] = await deps.sql<{ actor: string }[]>`
      select actor_account_id as actor from audit_log where action = 'facilitator.licence_verified' and target_id = ${facilitator.accountId}`
    expect(audit?.actor).toBe(admin.accountId)
    const groupId = await createGroup(deps, facilitator.account, groupInput())
    const member = await makeAccount(deps)
    expect((await getGroup(deps, member.account, groupId)).facilitator).toEqual({
      displayName: 'Dr Test',
      verified: true,
    })

    await saveFacilitatorProfile(deps, facilitator.account, { ...profile, approach: 'ACT and CFT' })
    expect((await getGroup(deps, member.account, groupId)).facilitator.verified).toBe(true)
    await saveFacilitatorProfile(deps, facilitator.account, { ...profile, licenceNumber: 'LIC-2' })
    expect((await getGroup(deps, member.account, groupId)).facilitator.verified).toBe(false)
    expect(await code(createGroup(deps, facilitator.account, groupInput()))).toBe('FORBIDDEN')
  })
})

describe('browsing groups', () => {
  it('shows the next sessions in the member’s own time zone, and re-materializing creates nothing twice', async () => {
    const facilitator = await makeVerifiedFacilitator(deps)
    // Weekly on Tuesdays, 18:00 in Warsaw, from a fixed date well before "now".
    deps.setNow(new Date('2026-03-16T12:00:00Z'))
    try {
      const groupId = await makeGroup(deps, facilitator, {
        firstStartLocal: '2026-03-03T18:00',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
      })
      const [{ n }] = await deps.sql<
        { n: number }[]
      >`select count(*)::int as n from group_sessions where group_id = ${groupId}`
      expect(n).toBe(8)
      expect((await materializeSessions(deps, { groupId })).created).toBe(0)

      const inNewYork = await makeAccount(deps, 'member', { timeZone: 'America/New_York' })
      const { groups } = await listGroups(deps, inNewYork.account)
      const group = groups.find((g) => g.id === groupId)!
      expect(group.nextSessions.map((s) => s.startsLabel)).toEqual([
        'Tue 17 Mar 2026, 13:00 EDT',
        'Tue 24 Mar 2026, 13:00 EDT',
        'Tue 31 Mar 2026, 12:00 EDT',
      ])
      const theFacilitator = await getGroup(deps, { ...facilitator.account }, groupId)
      expect(theFacilitator.nextSessions.slice(0, 3).map((s) => s.startsLabel)).toEqual([
        'Tue 17 Mar 2026, 17:00 UTC',
        'Tue 24 Mar 2026, 17:00 UTC',
        'Tue 31 Mar 2026, 16:00 UTC',
      ]) // the facilitator's account zone is UTC here; in Warsaw each is 18:00
      await deps.sql`update accounts set time_zone = 'Europe/Warsaw' where id = ${facilitator.accountId}`
      expect(
        (await getGroup(deps, facilitator.account, groupId)).nextSessions.slice(0, 3).map((s) => s.startsLabel),
      ).toEqual(['Tue 17 Mar 2026, 18:00 CET', 'Tue 24 Mar 2026, 18:00 CET', 'Tue 31 Mar 2026, 18:00 CEST'])

      // A rule change replaces untouched future sessions.
      await updateGroup(
        deps,
        facilitator.account,
        groupId,
        groupInput({ firstStartLocal: '2026-03-05T19:00', rrule: 'FREQ=WEEKLY;BYDAY=TH' }),
      )
      const labels = (await getGroup(deps, facilitator.account, groupId)).nextSessions
        .slice(0, 2)
        .map((s) => s.startsLabel)
      expect(labels).toEqual(['Thu 19 Mar 2026, 19:00 CET', 'Thu 26 Mar 2026, 19:00 CET'])
    } finally {
      deps.setNow(null)
    }
  })
})

describe('joining and the waitlist', () => {
  it('refuses a group pseudonym the member already uses in a peer room, so the two cannot be linked', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Pseudonym Check')
    const groupId = await makeGroup(deps, facilitator)
    const m = await makeAccount(deps)
    const [room] = await deps.sql<
      { id: string }[]
    >`insert into rooms (slug, title, language) values ('pseudonym-check', 'Check', 'en') returning id`
    await deps.sql`insert into room_memberships (room_id, account_id, pseudonym, rules_version_accepted, rules_accepted_at) values (${room!.id}, ${m.accountId}, 'Quiet Heron', 1, now())`
    await expect(
      requestToJoin(deps, m.account, groupId, { answer: 'I would like to join.', pseudonym: 'quiet heron' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { pseudonym: 'group_pseudonym_like_room' },
    })
    await requestToJoin(deps, m.account, groupId, { answer: 'I would like to join.', pseudonym: 'Evening Lark' })
    expect(
      await deps.sql`select 1 from group_members where group_id = ${groupId} and account_id = ${m.accountId}`,
    ).toHaveLength(1)
  })

  it('asks the intake question, takes a seat while there is one, then waitlists and promotes first-in-first-out', async () => {
    const facilitator = await makeVerifiedFacilitator(deps)
    const groupId = await makeGroup(deps, facilitator, { capacity: 2 })
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => makeAccount(deps)))
    expect(await code(requestToJoin(deps, a!.account, groupId, { answer: 'x', pseudonym: 'Robin' }))).toBe('ok')
    expect(await code(requestToJoin(deps, b!.account, groupId, { answer: 'y', pseudonym: 'robin' }))).toBe(
      'VALIDATION_FAILED',
    )
    expect(await code(decideJoinRequest(deps, a!.account, groupId, { member: 'Robin', decision: 'approve' }))).toBe(
      'FORBIDDEN',
    )
    expect(await decideJoinRequest(deps, facilitator.account, groupId, { member: 'Robin', decision: 'approve' })).toBe(
      'approved',
    )
    expect(await enrol(deps, facilitator, groupId, b!, 'Sky')).toBe('approved')
    expect(await enrol(deps, facilitator, groupId, c!, 'Lake')).toBe('waitlisted')
    expect(await enrol(deps, facilitator, groupId, d!, 'Fern')).toBe('waitlisted')
    expect((await getGroup(deps, d!.account, groupId)).waitlistPosition).toBe(2)
    // The roster shows pseudonyms and answers to facilitators only.
    expect((await getGroup(deps, a!.account, groupId)).roster).toBeNull()
    expect(JSON.stringify(await getGroup(deps, facilitator.account, groupId))).not.toContain(a!.accountId)

    expect(await leaveGroup(deps, b!.account, groupId)).toEqual({ promoted: 1 })
    expect((await statuses(groupId)).map((m) => `${m.pseudonym}:${m.status}`)).toEqual([
      'Fern:waitlisted',
      'Lake:approved',
      'Robin:approved',
      'Sky:left',
    ])
    expect((await getGroup(deps, d!.account, groupId)).waitlistPosition).toBe(1)
  })

  it('never overfills a group or loses a waitlisted member under concurrent leaves and approvals', async () => {
    for (let round = 0; round < 4; round++) {
      const facilitator = await makeVerifiedFacilitator(deps)
      const groupId = await makeGroup(deps, facilitator, { capacity: 3 })
      const seated: TestAccount[] = []
      for (let i = 0; i < 3; i++) {
        const m = await makeAccount(deps)
        await enrol(deps, facilitator, groupId, m, `seated-${i}`)
        seated.push(m)
      }
      const waiting = await Promise.all([0, 1, 2, 3, 4, 5].map(() => makeAccount(deps)))
      for (const [i, m] of waiting.entries())
        await requestToJoin(deps, m.account, groupId, { answer: 'hello', pseudonym: `new-${i}` })

      // Two seats free up while six requests are approved, all at once.
      await Promise.all([
        ...seated.slice(0, 2).map((m) => leaveGroup(deps, m.account, groupId)),
        ...waiting.map((_, i) =>
          decideJoinRequest(deps, facilitator.account, groupId, { member: `new-${i}`, decision: 'approve' }),
        ),
      ])
      const rows = await statuses(groupId)
      const approved = rows.filter((r) => r.status === 'approved')
      const waitlisted = rows.filter((r) => r.status === 'waitlisted')
      expect(approved, `round ${round}`).toHaveLength(3)
      expect(waitlisted, `round ${round}`).toHaveLength(4)
      expect(rows.filter((r) => r.status === 'left')).toHaveLength(2)

      // The next free seat goes to whoever has waited longest (compared in the database: JavaScript dates
      // drop the microseconds that separate requests made in the same millisecond).
      const [firstInLine] = await deps.sql<{ pseudonym: string }[]>`
        select pseudonym from group_members where group_id = ${groupId} and status = 'waitlisted'
        order by waitlisted_at, account_id limit 1`
      await leaveGroup(deps, seated[2]!.account, groupId)
      const after = await statuses(groupId)
      expect(after.filter((r) => r.status === 'approved')).toHaveLength(3)
      expect(after.find((r) => r.pseudonym === firstInLine!.pseudonym)!.status).toBe('approved')
    }
  })
})

describe('demo seed', () => {
  it('gives the demo facilitator a verified licence and one weekly group per language, materialized by the job', async () => {
    const fresh = await createTestDeps()
    try {
      const { seed } = await import('../../db/seed.js')
      expect(await seed(fresh.sql)).toBe(true)
      expect((await materializeSessions(fresh)).created).toBeGreaterThanOrEqual(14)
      const [member] = await fresh.sql<{ id: string }[]>`select id from accounts where username = 'demo-member'`
      const { groups } = await listGroups(fresh, { ...(await makeAccount(fresh)).account, accountId: member!.id })
      expect(groups.map((g) => [g.language, g.facilitator.verified, g.nextSessions.length])).toEqual([
        ['en', true, 3],
        ['pl', true, 3],
      ])
    } finally {
      await fresh.close()
    }
  })
})
