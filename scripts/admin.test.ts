import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decryptSensitiveProfile, saveSensitiveProfile } from '../core/identity/identity.service.js'
import * as selfcare from '../core/selfcare/selfcare.service.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { makeAccount } from '../tests/support/groups.js'
import { childEnv, runTsxCommand } from '../tests/support/processes.js'

/** `npm run admin` as an operator runs it: a real child process against this test's own database. */
let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const admin = (args: string[], input = '', env: Record<string, string> = {}) =>
  runTsxCommand('scripts/admin.ts', args, childEnv(deps, env), input)
const one = async <T>(query: Promise<T[]>) => (await query)[0]
const auditRows = (action: string) =>
  deps.sql<{ actorAccountId: string | null; targetId: string; details: Record<string, unknown>; row: string }[]>`
    select actor_account_id as "actorAccountId", target_id as "targetId", details, a::text as row from audit_log a where action = ${action} order by id`

describe('npm run admin: help and usage', () => {
  it('lists every command, explains one, and answers a wrong command with one line and exit code 2', async () => {
    const help = await admin(['--help'])
    expect(help.code).toBe(0)
    for (const command of [
      'create-admin',
      'role set',
      'facilitator verify',
      'facilitator withdraw',
      'room create',
      'room edit',
      'oncall set-rotation',
      'rotate-encryption-key',
    ]) {
      expect(help.stdout).toContain(command)
    }
    const one = await admin(['room', 'create', '--help'])
    expect(one.code).toBe(0)
    expect(one.stdout).toContain('--slug <slug> --title <title> --language <en|pl>')

    const unknown = await admin(['make-coffee'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    const badOption = await admin(['room', 'create', '--colour', 'red'])
    expect(badOption.code).toBe(2)
    expect(badOption.stderr).toMatch(/^admin: .*colour.*\n$/)
    expect(badOption.stderr).not.toMatch(/\s+at /)
  }, 120_000)
})

describe('create-admin', () => {
  it('refuses a password on the command line, in either form, and creates nothing', async () => {
    for (const args of [['--password', 'correct-horse-battery'], ['--password=correct-horse-battery']]) {
      const run = await admin(['create-admin', '--email', 'root@clinic.example', ...args], 'correct-horse-battery\n')
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(
        'admin: refusing --password: a password on the command line stays in shell history and the process list; type it at the prompt or pipe it on stdin\n',
      )
    }
    expect(await one(deps.sql`select count(*)::int as n from accounts where email = 'root@clinic.example'`)).toEqual({
      n: 0,
    })
  }, 120_000)

  it('reads the password from stdin, creates a registered admin who can sign in with it, audits it by id, and a second run changes nothing', async () => {
    const password = `pw-${randomBytes(8).toString('hex')}`
    const run = await admin(['create-admin', '--email', 'First.Admin@Clinic.example'], `${password}\n`)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^admin first\.admin@clinic\.example created \(username admin-[0-9a-f]{6}, account [0-9a-f-]{36}\)\n$/,
    )
    const account = await one(deps.sql<{ id: string; role: string; kind: string; passwordHash: string }[]>`
      select id, role, kind, password_hash as "passwordHash" from accounts where email = 'first.admin@clinic.example'`)
    expect(account).toMatchObject({ role: 'admin', kind: 'registered' })
    expect(await argon2.verify(account!.passwordHash, password)).toBe(true)
    expect(run.stdout + run.stderr).not.toContain(password)

    const audit = await auditRows('account.admin_created')
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorAccountId: null, targetId: account!.id, details: { via: 'cli' } })
    expect(audit[0]!.row).not.toContain('clinic.example')

    const again = await admin(['create-admin', '--email', 'first.admin@clinic.example'], 'another-password-1\n')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('already an admin: unchanged')
    expect(
      await argon2.verify(
        (await one(deps.sql<{ h: string }[]>`select password_hash as h from accounts where id = ${account!.id}`))!.h,
        password,
      ),
    ).toBe(true)
    expect(await auditRows('account.admin_created')).toHaveLength(1)
  }, 120_000)

  it('refuses a short password, a bad email and an empty stdin with one line and exit code 1, creating nothing', async () => {
    const before = await one(deps.sql<{ n: number }[]>`select count(*)::int as n from accounts`)
    for (const [email, input, message] of [
      ['short@clinic.example', 'short\n', 'admin: the password must be 10 to 200 characters\n'],
      ['not-an-email', 'long-enough-password\n', 'admin: "not-an-email" is not an email address\n'],
      ['empty@clinic.example', '', 'admin: no password on stdin\n'],
    ] as const) {
      const run = await admin(['create-admin', '--email', email], input)
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(message)
    }
    expect(await one(deps.sql<{ n: number }[]>`select count(*)::int as n from accounts`)).toEqual(before)
  }, 120_000)
})

describe('roles and facilitator verification', () => {
  it('role set changes a role once (audited with from/to), refuses an unknown role and an unknown email', async () => {
    const person = await makeAccount(deps, 'member', { email: `clin-${randomBytes(3).toString('hex')}@clinic.example` })
    const email = person.account.email!
    const run = await admin(['role', 'set', '--email', email, '--role', 'clinician'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`${email} is now clinician (was member)\n`)
    expect(await one(deps.sql`select role from accounts where id = ${person.accountId}`)).toEqual({ role: 'clinician' })
    expect((await auditRows('account.role_changed')).at(-1)).toMatchObject({
      targetId: person.accountId,
      details: { from: 'member', to: 'clinician', via: 'cli' },
    })

    expect((await admin(['role', 'set', '--email', email, '--role', 'clinician'])).stdout).toContain(
      'already clinician: unchanged',
    )
    const bad = await admin(['role', 'set', '--email', email, '--role', 'superuser'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe('admin: the role must be one of member, facilitator, clinician, admin\n')
    const nobody = await admin(['role', 'set', '--email', 'nobody@clinic.example', '--role', 'admin'])
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('no account with the email nobody@clinic.example')
    expect(await one(deps.sql`select role from accounts where id = ${person.accountId}`)).toEqual({ role: 'clinician' })
  }, 120_000)

  it('facilitator verify and withdraw set the licence check (audited like the admin page); no profile or another role is refused', async () => {
    const facilitator = await makeAccount(deps, 'facilitator', {
      email: `fac-${randomBytes(3).toString('hex')}@clinic.example`,
    })
    const email = facilitator.account.email!
    const noProfile = await admin(['facilitator', 'verify', '--email', email])
    expect(noProfile.code).toBe(1)
    expect(noProfile.stderr).toContain('has no facilitator profile yet')
    await deps.sql`
      insert into facilitator_profiles (account_id, display_name, education, experience, approach, languages, licence_number, licence_jurisdiction)
      values (${facilitator.accountId}, 'Dr Test', 'MA', '5 years', 'CBT', array['en'], 'PSY-1', 'Poland')`
    const verified = () =>
      one(
        deps.sql<
          { v: boolean }[]
        >`select verified_at is not null as v from facilitator_profiles where account_id = ${facilitator.accountId}`,
      )

    expect((await admin(['facilitator', 'verify', '--email', email])).code).toBe(0)
    expect(await verified()).toEqual({ v: true })
    expect((await auditRows('facilitator.licence_verified')).at(-1)).toMatchObject({
      actorAccountId: null,
      targetId: facilitator.accountId,
    })
    expect((await admin(['facilitator', 'verify', '--email', email])).stdout).toContain('already verified: unchanged')

    expect((await admin(['facilitator', 'withdraw', '--email', email])).code).toBe(0)
    expect(await verified()).toEqual({ v: false })
    expect((await auditRows('facilitator.licence_unverified')).at(-1)).toMatchObject({
      targetId: facilitator.accountId,
    })

    const member = await makeAccount(deps, 'member', { email: `mem-${randomBytes(3).toString('hex')}@clinic.example` })
    const notFacilitator = await admin(['facilitator', 'verify', '--email', member.account.email!])
    expect(notFacilitator.code).toBe(1)
    expect(notFacilitator.stderr).toContain('not a facilitator')
  }, 120_000)
})

describe('rooms', () => {
  const room = () =>
    one(deps.sql<
      { title: string; language: string; rules: string; locked: boolean; slowMode: number; rulesVersion: number }[]
    >`
    select title, language, rules, locked, slow_mode_seconds as "slowMode", rules_version as "rulesVersion" from rooms where slug = 'night-owls'`)

  it('room create makes a topic room once; room edit changes the given fields, and new rules get a new version', async () => {
    const created = await admin([
      'room',
      'create',
      '--slug',
      'night-owls',
      '--title',
      'Night owls',
      '--language',
      'en',
      '--description',
      'For sleepless hours.',
      '--rules',
      'Be kind.',
    ])
    expect(created.code).toBe(0)
    expect(await room()).toEqual({
      title: 'Night owls',
      language: 'en',
      rules: 'Be kind.',
      locked: false,
      slowMode: 0,
      rulesVersion: 1,
    })
    const roomId = (await one(deps.sql<{ id: string }[]>`select id from rooms where slug = 'night-owls'`))!.id
    expect((await auditRows('room.created')).at(-1)).toMatchObject({ targetId: roomId, details: { via: 'cli' } })

    const twice = await admin(['room', 'create', '--slug', 'night-owls', '--title', 'Other', '--language', 'pl'])
    expect(twice.code).toBe(0)
    expect(twice.stdout).toContain('exists: unchanged')
    expect((await room())!.title).toBe('Night owls')

    const edited = await admin([
      'room',
      'edit',
      '--slug',
      'night-owls',
      '--rules',
      'Be kind. No advice on medication.',
      '--locked',
      'true',
      '--slow-mode',
      '30',
    ])
    expect(edited.code).toBe(0)
    expect(edited.stdout).toBe('room night-owls: rules, locked, slowModeSeconds changed\n')
    expect(await room()).toEqual({
      title: 'Night owls',
      language: 'en',
      rules: 'Be kind. No advice on medication.',
      locked: true,
      slowMode: 30,
      rulesVersion: 2,
    })
    expect((await auditRows('room.edited')).at(-1)).toMatchObject({
      targetId: roomId,
      details: { fields: 'rules,locked,slowModeSeconds' },
    })
    expect((await admin(['room', 'edit', '--slug', 'night-owls', '--title', 'Night owls'])).stdout).toContain(
      'nothing to change',
    )
  }, 120_000)

  it('bad room input gets one line and changes nothing', async () => {
    const before = await room()
    for (const [args, code, message] of [
      [
        ['room', 'create', '--slug', 'Bad Slug!', '--title', 'x', '--language', 'en'],
        1,
        'admin: the slug must be 2 to 60 of a-z 0-9 -\n',
      ],
      [
        ['room', 'create', '--slug', 'ok-slug', '--title', 'x', '--language', 'de'],
        2,
        /^admin: --language must be en or pl \(usage: /,
      ],
      [
        ['room', 'edit', '--slug', 'night-owls', '--slow-mode', '9999'],
        1,
        'admin: slow mode must be 0 to 3600 seconds\n',
      ],
      [['room', 'edit', '--slug', 'no-such-room', '--title', 'x'], 1, 'admin: no room no-such-room\n'],
    ] as const) {
      const run = await admin([...args])
      expect(run.code).toBe(code)
      if (typeof message === 'string') expect(run.stderr).toBe(message)
      else expect(run.stderr).toMatch(message)
    }
    expect(await room()).toEqual(before)
    expect(await one(deps.sql`select count(*)::int as n from rooms where slug in ('ok-slug')`)).toEqual({ n: 0 })
  }, 120_000)
})

describe('oncall set-rotation', () => {
  it('sets the rotation in order and the default policy that pages it then the supervisor; a member is refused', async () => {
    const tag = randomBytes(3).toString('hex')
    const a = await makeAccount(deps, 'clinician', { email: `a-${tag}@clinic.example` })
    const b = await makeAccount(deps, 'clinician', { email: `b-${tag}@clinic.example` })
    const boss = await makeAccount(deps, 'admin', { email: `boss-${tag}@clinic.example` })
    const run = await admin([
      'oncall',
      'set-rotation',
      '--clinicians',
      `${b.account.email},${a.account.email}`,
      '--supervisor',
      boss.account.email!,
      '--shift-hours',
      '12',
      '--handoff',
      '08:00',
      '--time-zone',
      'Europe/Warsaw',
      '--starts-on',
      '2026-12-07',
      '--ack-minutes',
      '4',
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const schedule = await one(deps.sql<
      { id: string; shiftHours: number; handoff: string; startsOn: string; members: string[] }[]
    >`
      select s.id, s.shift_hours as "shiftHours", s.handoff_time::text as handoff, s.starts_on::text as "startsOn",
             array(select account_id::text from oncall_rotation_members m where m.schedule_id = s.id order by position) as members
      from oncall_schedules s where name = 'Clinicians'`)
    expect(schedule).toMatchObject({
      shiftHours: 12,
      handoff: '08:00:00',
      startsOn: '2026-12-07',
      members: [b.accountId, a.accountId],
    })
    const policy = await one(deps.sql<{ supervisor: string; ack: number; scheduleId: string }[]>`
      select p.supervisor_account_id::text as supervisor, l.ack_timeout_minutes as ack, t.schedule_id::text as "scheduleId"
      from escalation_policies p join escalation_levels l on l.policy_id = p.id join escalation_targets t on t.policy_id = p.id
      where p.is_default`)
    expect(policy).toEqual({ supervisor: boss.accountId, ack: 4, scheduleId: schedule!.id })
    expect((await auditRows('oncall.rotation_set')).at(-1)).toMatchObject({
      targetId: schedule!.id,
      details: { members: 2, shiftHours: 12 },
    })

    const member = await makeAccount(deps, 'member', { email: `m-${tag}@clinic.example` })
    const refused = await admin([
      'oncall',
      'set-rotation',
      '--clinicians',
      `${a.account.email},${member.account.email}`,
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('is member: on-call takes clinicians or admins')
    const members =
      await deps.sql`select account_id from oncall_rotation_members where schedule_id = ${schedule!.id} order by position`
    expect(members.map((m) => m.account_id)).toEqual([b.accountId, a.accountId])
  }, 120_000)
})

describe('rotate-encryption-key', () => {
  it("re-encrypts identity data and wraps journal keys again: a member's data reads with the new key and no longer with the old; a second run is a no-op", async () => {
    const member = await makeAccount(deps, 'member')
    await saveSensitiveProfile(deps, member.accountId, {
      legalName: 'Anna Rotation-Test',
      emergencyContact: 'Sister, +48 600 000 000',
    })
    const entry = await selfcare.writeJournalEntry(deps, member.account, {
      title: 'Key test',
      body: 'Written before the rotation.',
    })
    const other = await makeAccount(deps, 'member')
    await saveSensitiveProfile(deps, other.accountId, { legalName: 'Only A Name', emergencyContact: '' })

    const newKey = randomBytes(32).toString('base64')
    const oldDeps = deps
    const newDeps = { ...deps, config: { ...deps.config, ENCRYPTION_KEY: newKey } }

    const bad = await admin(['rotate-encryption-key'], 'not-a-key\n')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe('admin: the new key must be 32 bytes, base64-encoded (openssl rand -base64 32)\n')
    expect(await decryptSensitiveProfile(oldDeps, member.accountId)).toMatchObject({ legalName: 'Anna Rotation-Test' })

    const run = await admin(['rotate-encryption-key', '--batch-size', '1'], `${newKey}\n`)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // Two fields of the member, one of the other, and the member's wrapped journal key.
    expect(run.stdout).toMatch(
      /^4 values re-encrypted, 0 already under the new key\. Now set ENCRYPTION_KEY to the new key/,
    )
    expect(run.stdout).not.toContain(newKey)

    expect(await decryptSensitiveProfile(newDeps, member.accountId)).toEqual({
      legalName: 'Anna Rotation-Test',
      emergencyContact: 'Sister, +48 600 000 000',
    })
    expect(await decryptSensitiveProfile(newDeps, other.accountId)).toEqual({
      legalName: 'Only A Name',
      emergencyContact: null,
    })
    expect(await selfcare.getJournalEntry(newDeps, member.account, entry.id)).toMatchObject({
      title: 'Key test',
      body: 'Written before the rotation.',
    })
    await expect(decryptSensitiveProfile(oldDeps, member.accountId)).rejects.toThrow()
    await expect(selfcare.getJournalEntry(oldDeps, member.account, entry.id)).rejects.toThrow()

    const audit = (await auditRows('encryption.key_rotated')).at(-1)!
    expect(audit).toMatchObject({
      actorAccountId: null,
      details: { resealed: 4, alreadyNew: 0, unreadable: 0, via: 'cli' },
    })
    expect(audit.row).not.toMatch(/Anna|Sister|Key test/)

    // Resumable: run again with the new key in NEW_ENCRYPTION_KEY: everything is already under it.
    const again = await admin(['rotate-encryption-key'], '', { NEW_ENCRYPTION_KEY: newKey })
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^0 values re-encrypted, 4 already under the new key/)
    expect(await decryptSensitiveProfile(newDeps, member.accountId)).toMatchObject({ legalName: 'Anna Rotation-Test' })

    // With neither key (ENCRYPTION_KEY is some third key) nothing is touched, and the operator is told how to go on.
    const lost = await admin(['rotate-encryption-key'], `${randomBytes(32).toString('base64')}\n`, {
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    })
    expect(lost.code).toBe(1)
    expect(lost.stderr).toMatch(
      /^admin: 0 values re-encrypted, 0 already under the new key, 4 open with neither key and were left unchanged/,
    )
    expect(await decryptSensitiveProfile(newDeps, member.accountId)).toMatchObject({ legalName: 'Anna Rotation-Test' })
  }, 180_000)
})
