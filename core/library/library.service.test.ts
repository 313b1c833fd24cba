import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../../tests/support/groups.js'
import * as library from './library.service.js'
import { storeUpload } from './library.upload.js'

/**
 * Homework belongs to one group and each member's progress to that member: members never see one another's,
 * facilitators see it by group pseudonym, everyone else finds nothing. Uploads are checked while they stream.
 */
let deps: TestDeps
let uploadsDir: string
let lead: TestAccount
let co: TestAccount
let otherFacilitator: TestAccount
let ana: TestAccount
let ben: TestAccount
let outsider: TestAccount
let groupId: string
let otherGroupId: string

const homework = {
  title: 'Three good things',
  instructions: 'Each evening, write down three things that went well.',
  dueLocal: '2026-05-04T20:00',
  reflectionPrompt: 'What surprised you?',
}

async function* chunks(...parts: Buffer[]) {
  for (const part of parts) yield new Uint8Array(part)
}
const storedFiles = async () =>
  (await readdir(uploadsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'holdspace-library-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir, RESOURCE_MAX_BYTES: '10000' })
  deps.setNow(new Date('2026-05-01T12:00:00Z'))
  co = await makeVerifiedFacilitator(deps, 'Dr Co')
  lead = await makeVerifiedFacilitator(deps, 'Dr Lead')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Other')
  ana = await makeAccount(deps, 'member', { timeZone: 'Asia/Tokyo' })
  ben = await makeAccount(deps)
  outsider = await makeAccount(deps)
  const { facilitatorKey } = await import('../groups/groups.service.js')
  groupId = await makeGroup(deps, lead, {
    coFacilitator: facilitatorKey(deps, co.accountId),
    timeZone: 'Europe/Warsaw',
  })
  otherGroupId = await makeGroup(deps, otherFacilitator, { title: 'Morning circle' })
  await enrol(deps, lead, groupId, ana, 'Willow')
  await enrol(deps, lead, groupId, ben, 'Birch')
  await enrol(deps, otherFacilitator, otherGroupId, outsider, 'Oak')
})
afterAll(async () => {
  await deps?.close()
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true })
})

describe('homework', () => {
  it('is set by the group facilitators and seen only by the group', async () => {
    const id = await library.createHomework(deps, co.account, groupId, homework)
    await expect(library.createHomework(deps, ana.account, groupId, homework)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(library.createHomework(deps, otherFacilitator.account, groupId, homework)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })

    const page = await library.getHomeworkPage(deps, ana.account, groupId)
    expect(page.viewerRole).toBe('member')
    expect(page.homework.map((h) => h.title)).toEqual(['Three good things'])
    // 20:00 in Warsaw (summer time) is 03:00 the next day in Tokyo.
    expect(page.homework[0]!.dueLabel).toBe('Tue 5 May 2026, 03:00 GMT+9')
    expect(page.homework[0]!.progress).toBeNull()

    for (const stranger of [outsider, otherFacilitator]) {
      await expect(library.getHomeworkPage(deps, stranger.account, groupId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(library.setHomeworkDone(deps, stranger.account, groupId, id, true)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
    }
    // A member of one group cannot reach it through their own group either.
    await expect(library.setHomeworkDone(deps, outsider.account, otherGroupId, id, true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      library.updateHomework(deps, otherFacilitator.account, otherGroupId, id, homework),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeps each member progress and reflection to that member and the facilitators', async () => {
    const id = await library.createHomework(deps, lead.account, groupId, {
      ...homework,
      title: 'Breathing practice',
      dueLocal: '2026-04-30',
    })
    await library.setHomeworkDone(deps, ana.account, groupId, id, true)
    await library.saveReflection(deps, ana.account, groupId, id, 'It helped on the bus.')

    const anaView = (await library.getHomeworkPage(deps, ana.account, groupId)).homework.find((h) => h.id === id)!
    expect(anaView.mine).toMatchObject({ done: true, reflection: 'It helped on the bus.' })
    expect(anaView.overdue).toBe(false)

    const benView = (await library.getHomeworkPage(deps, ben.account, groupId)).homework.find((h) => h.id === id)!
    expect(benView.mine).toEqual({ done: false, doneLabel: null, reflection: null })
    expect(benView.overdue).toBe(true)
    expect(JSON.stringify(await library.getHomeworkPage(deps, ben.account, groupId))).not.toContain(
      'It helped on the bus.',
    )

    const leadView = (await library.getHomeworkPage(deps, co.account, groupId)).homework.find((h) => h.id === id)!
    expect(leadView.progress).toEqual({
      doneCount: 1,
      memberCount: 2,
      entries: [{ pseudonym: 'Willow', done: true, reflection: 'It helped on the bus.' }],
    })
    expect(JSON.stringify(leadView)).not.toContain(ana.account.username)
    expect(JSON.stringify(leadView)).not.toContain(ana.accountId)

    await expect(library.saveReflection(deps, lead.account, groupId, id, 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })

    await library.setHomeworkDone(deps, ana.account, groupId, id, false)
    await library.saveReflection(deps, ana.account, groupId, id, null)
    const after = (await library.getHomeworkPage(deps, lead.account, groupId)).homework.find((h) => h.id === id)!
    expect(after.progress).toEqual({ doneCount: 0, memberCount: 2, entries: [] })
  })

  it("lists a member's open homework across groups and exports their progress", async () => {
    const id = await library.createHomework(deps, lead.account, groupId, { ...homework, title: 'Gratitude letter' })
    await library.setHomeworkDone(deps, ben.account, groupId, id, true)
    await library.saveReflection(deps, ben.account, groupId, id, 'Hard to start, glad I did.')
    const open = await library.listOpenHomeworkForMember(deps, ben.account)
    expect(open.map((h) => h.title)).not.toContain('Gratitude letter')
    expect(open.map((h) => h.title)).toContain('Three good things')
    expect(await library.listOpenHomeworkForMember(deps, outsider.account)).toEqual([])

    const exported = await library.exportLibraryData(deps, ben.accountId)
    expect(exported.homeworkProgress).toEqual([
      expect.objectContaining({
        homework: 'Gratitude letter',
        group: 'Evening circle',
        reflection: 'Hard to start, glad I did.',
        doneAt: expect.any(String),
      }),
    ])
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported)
  })

  it('is removed with the member account (erasure)', async () => {
    const gone = await makeAccount(deps)
    await enrol(deps, lead, groupId, gone, 'Aspen')
    const id = await library.createHomework(deps, lead.account, groupId, { ...homework, title: 'Walk outside' })
    await library.saveReflection(deps, gone.account, groupId, id, 'Short walk today.')
    await deps.sql`delete from accounts where id = ${gone.accountId}`
    const [row] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from homework_completions where account_id = ${gone.accountId}`
    expect(row!.n).toBe(0)
  })
})

describe('uploads', () => {
  const pdf = () =>
    Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), randomBytes(3000), Buffer.from('\n%%EOF\n')])

  it('stores an allowed file under a random key, never its name', async () => {
    const stored = await storeUpload(deps, {
      fileName: 'my "notes"\u202e.pdf',
      contentType: 'application/pdf',
      data: chunks(pdf()),
    })
    expect(stored.key).toMatch(/^library\/[0-9a-f]{32}$/)
    expect(stored.fileName).toBe('my "notes".pdf')
    expect(stored.contentType).toBe('application/pdf')
    expect(await storedFiles()).not.toContain('my notes.pdf')
    await library.addFileResource(deps, lead.account, { groupId }, { title: 'Session notes', description: '' }, stored)
    expect((await library.getGroupLibrary(deps, ana.account, groupId)).resources[0]).toMatchObject({
      title: 'Session notes',
      file: { family: 'pdf' },
    })
  })

  it('refuses, leaving nothing, files too large or of the wrong type', async () => {
    const before = await storedFiles()
    const tooLarge = storeUpload(deps, {
      fileName: 'big.pdf',
      contentType: 'application/pdf',
      data: chunks(pdf(), randomBytes(4000), randomBytes(4000)),
    })
    await expect(tooLarge).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(500)])
    await expect(
      storeUpload(deps, { fileName: 'report.pdf', contentType: 'application/pdf', data: chunks(exe) }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' })
    await expect(
      storeUpload(deps, { fileName: 'tool.exe', contentType: 'application/x-msdownload', data: chunks(exe) }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' })
    await expect(
      storeUpload(deps, { fileName: 'empty.pdf', contentType: 'application/pdf', data: chunks() }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' })
    expect(await storedFiles()).toEqual(before)
  })

  it('deletes the stored object when the resource cannot be recorded', async () => {
    const before = await storedFiles()
    const stored = await storeUpload(deps, { fileName: 'a.pdf', contentType: 'application/pdf', data: chunks(pdf()) })
    await expect(
      library.addFileResource(deps, ana.account, { groupId }, { title: 'Not mine to add', description: '' }, stored),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await storedFiles()).toEqual(before)
  })
})

describe('resource library', () => {
  it('lets group facilitators add, members read, and others find nothing', async () => {
    await library.addLinkResource(
      deps,
      lead.account,
      { groupId },
      { title: 'Grounding exercise', description: '', url: 'https://example.org/grounding' },
    )
    await library.addReadingResource(
      deps,
      co.account,
      { groupId },
      { title: 'On sleep', description: '', body: 'First paragraph.\n\nSecond <b>paragraph</b>.' },
    )
    await expect(
      library.addLinkResource(
        deps,
        ana.account,
        { groupId },
        { title: 'Mine', description: '', url: 'https://example.org' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(library.getGroupLibrary(deps, outsider.account, groupId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(library.getGroupLibrary(deps, otherFacilitator.account, groupId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })

    const page = await library.getGroupLibrary(deps, ben.account, groupId)
    expect(page.canAdd).toBe(false)
    const reading = page.resources.find((r) => r.title === 'On sleep')!
    expect(reading.paragraphs).toEqual(['First paragraph.', 'Second <b>paragraph</b>.'])
    expect(page.resources.find((r) => r.title === 'Grounding exercise')).toMatchObject({
      addedBy: 'Dr Lead',
      canDelete: false,
    })
    await expect(library.deleteResource(deps, ben.account, reading.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lets any of the group facilitators remove what the other shared', async () => {
    const fromCo = await library.addLinkResource(
      deps,
      co.account,
      { groupId },
      { title: 'Sleep diary', description: '', url: 'https://example.org/sleep' },
    )
    expect(
      (await library.getGroupLibrary(deps, lead.account, groupId)).resources.find((r) => r.id === fromCo),
    ).toMatchObject({ canDelete: true })
    await expect(library.deleteResource(deps, otherFacilitator.account, fromCo)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await library.deleteResource(deps, lead.account, fromCo)
    expect((await library.getGroupLibrary(deps, ben.account, groupId)).resources.map((r) => r.id)).not.toContain(fromCo)
  })

  it('takes public additions from admins and verified facilitators only; each deletes their own, admins any public one', async () => {
    const admin = await makeAccount(deps, 'admin')
    const unverified = await makeAccount(deps, 'facilitator')
    await expect(
      library.addLinkResource(
        deps,
        ana.account,
        { public: true },
        { title: 'Nope', description: '', url: 'https://example.org' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      library.addLinkResource(
        deps,
        unverified.account,
        { public: true },
        { title: 'Nope', description: '', url: 'https://example.org' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const fromLead = await library.addLinkResource(
      deps,
      lead.account,
      { public: true },
      { title: 'Crisis lines', description: '', url: 'https://example.org/lines' },
    )
    const fromAdmin = await library.addReadingResource(
      deps,
      admin.account,
      { public: true },
      { title: 'Welcome', description: '', body: 'Hello.' },
    )
    const view = await library.getPublicLibrary(deps, outsider.account)
    expect(view.resources.map((r) => [r.title, r.addedBy, r.canDelete])).toEqual([
      ['Welcome', null, false],
      ['Crisis lines', 'Dr Lead', false],
    ])

    await expect(library.deleteResource(deps, co.account, fromLead)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await library.deleteResource(deps, admin.account, fromLead)
    await library.deleteResource(deps, admin.account, fromAdmin)
    expect((await library.getPublicLibrary(deps, outsider.account)).resources).toEqual([])
  })
})
