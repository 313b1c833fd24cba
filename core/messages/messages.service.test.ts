import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../../tests/support/groups.js'
import { AppError } from '../errors.js'
import { getIncidentDetail } from '../crisis/crisis.service.js'
import { leaveGroup, saveFacilitatorProfile, setFacilitatorVerified, facilitatorKey } from '../groups/groups.service.js'
import {
  MESSAGE_RATE_LIMIT,
  countUnread,
  exportMessagesData,
  listInbox,
  notifyNewMessage,
  openThread,
  sendMessage,
  startThread,
} from './messages.service.js'

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
const say = (body: string) => ({ body, clientId: randomUUID() })

let n = 0
/** A group led by a verified facilitator (with an email) and one approved member with a group pseudonym. */
async function setup(options: { memberEmail?: string; memberLocale?: 'en' | 'pl'; title?: string } = {}) {
  n++
  const facilitator = await makeVerifiedFacilitator(deps, `Dr Lead ${n}`, { email: `lead${n}@clinic.test` })
  const groupId = await makeGroup(deps, facilitator, { title: options.title ?? `Evening circle ${n}` })
  const member = await makeAccount(deps, 'member', { email: options.memberEmail, locale: options.memberLocale })
  const pseudonym = `Willow${n}`
  await enrol(deps, facilitator, groupId, member, pseudonym)
  return { facilitator, groupId, member, pseudonym }
}

async function firstMessage(member: TestAccount, groupId: string, body = 'Could we talk about the homework?') {
  return sendMessage(deps, member.account, { groupId }, say(body))
}

async function messageRows(threadId: string) {
  return deps.sql<{ id: string; authorSide: string; readAt: Date | null }[]>`
    select id, author_side as "authorSide", read_at as "readAt" from direct_messages where thread_id = ${threadId} order by created_at, id`
}

describe('who can see a thread', () => {
  it('is the member and the group’s facilitators only; everyone else gets NOT_FOUND', async () => {
    const { facilitator, groupId, member } = await setup()
    const admin = await makeAccount(deps, 'admin')
    const co = await makeVerifiedFacilitator(deps, 'Dr Co')
    await deps.sql`update groups set co_facilitator_id = ${co.accountId} where id = ${groupId}`
    const sent = await firstMessage(member, groupId)

    expect((await openThread(deps, member.account, sent.threadId)).viewerSide).toBe('member')
    expect((await openThread(deps, facilitator.account, sent.threadId)).viewerSide).toBe('facilitator')
    expect((await openThread(deps, co.account, sent.threadId)).viewerSide).toBe('facilitator')

    const peer = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, peer, `Peer${n}`)
    const otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Elsewhere')
    await makeGroup(deps, otherFacilitator)
    const clinician = await makeAccount(deps, 'clinician')
    const stranger = await makeAccount(deps)
    for (const outsider of [peer, otherFacilitator, admin, clinician, stranger]) {
      expect(await code(openThread(deps, outsider.account, sent.threadId))).toBe('NOT_FOUND')
      expect(await code(sendMessage(deps, outsider.account, { threadId: sent.threadId }, say('hello')))).toBe(
        'NOT_FOUND',
      )
    }
    // Starting a thread needs an approved membership: not a stranger, not the group's own facilitator.
    expect(await code(startThread(deps, stranger.account, groupId))).toBe('NOT_FOUND')
    expect(await code(startThread(deps, facilitator.account, groupId))).toBe('NOT_FOUND')
    expect(await code(sendMessage(deps, stranger.account, { groupId }, say('hi')))).toBe('NOT_FOUND')
    expect(await code(openThread(deps, member.account, 'not-a-uuid'))).toBe('NOT_FOUND')
    expect((await messageRows(sent.threadId)).length).toBe(1)
  })

  it('shows facilitators only the member’s group pseudonym, and members the facilitator’s professional name', async () => {
    const { facilitator, groupId, member, pseudonym } = await setup()
    const sent = await firstMessage(member, groupId)
    const seenByFacilitator = await openThread(deps, facilitator.account, sent.threadId)
    expect(seenByFacilitator.memberPseudonym).toBe(pseudonym)
    expect(seenByFacilitator.messages[0]!.author).toBe(pseudonym)
    const serialized = JSON.stringify([seenByFacilitator, await listInbox(deps, facilitator.account)])
    expect(serialized).not.toContain(member.account.username)
    expect(serialized).not.toContain(member.accountId)

    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('Of course.'))
    const seenByMember = await openThread(deps, member.account, sent.threadId)
    expect(seenByMember.facilitatorNames).toEqual([`Dr Lead ${n}`])
    expect(seenByMember.messages.map((m) => m.author)).toEqual([null, `Dr Lead ${n}`])
  })
})

describe('read status', () => {
  it('is set only when the other side opens the thread, and any facilitator opening counts', async () => {
    const { facilitator, groupId, member } = await setup()
    const co = await makeVerifiedFacilitator(deps, 'Dr Second')
    await deps.sql`update groups set co_facilitator_id = ${co.accountId} where id = ${groupId}`
    const sent = await firstMessage(member, groupId)

    const own = await openThread(deps, member.account, sent.threadId)
    expect(own.messages[0]).toMatchObject({ mine: true, readAt: null })
    expect((await listInbox(deps, facilitator.account)).asFacilitator[0]!.unread).toBe(1)

    await openThread(deps, co.account, sent.threadId)
    expect((await listInbox(deps, facilitator.account)).asFacilitator[0]!.unread).toBe(0)
    const afterRead = await openThread(deps, member.account, sent.threadId)
    expect(afterRead.messages[0]!.readAt).not.toBeNull()
    expect(afterRead.messages[0]!.readLabel).toBeTruthy()

    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('Thanks for writing.'))
    await openThread(deps, facilitator.account, sent.threadId)
    await openThread(deps, co.account, sent.threadId)
    expect((await messageRows(sent.threadId))[1]!.readAt).toBeNull()
    expect((await listInbox(deps, member.account)).asMember[0]!.unread).toBe(1)
    await openThread(deps, member.account, sent.threadId)
    expect((await messageRows(sent.threadId))[1]!.readAt).not.toBeNull()
    expect((await listInbox(deps, member.account)).asMember[0]!.unread).toBe(0)
  })
})

describe('sending', () => {
  it('stores one message per client id however often the form is submitted', async () => {
    const { facilitator, groupId, member } = await setup()
    const input = say('Sent twice by a double click')
    const [a, b] = await Promise.all([
      sendMessage(deps, member.account, { groupId }, input),
      sendMessage(deps, member.account, { groupId }, input),
    ])
    const c = await sendMessage(deps, member.account, { threadId: a.threadId }, input)
    expect(new Set([a.messageId, b.messageId, c.messageId]).size).toBe(1)
    expect([a.created, b.created, c.created].filter(Boolean)).toHaveLength(1)
    expect(await messageRows(a.threadId)).toHaveLength(1)
    const [notify] = await deps.sql<
      { count: number }[]
    >`select count(*)::int from outbox where job_name = 'messages:notify' and payload->>'messageId' = ${a.messageId}`
    expect(notify!.count).toBe(1)

    // The same client id from the facilitator is their own message, not the member's.
    const reply = await sendMessage(deps, facilitator.account, { threadId: a.threadId }, input)
    expect(reply.created).toBe(true)
    expect(await messageRows(a.threadId)).toHaveLength(2)
  })

  it('stops sends beyond the rate limit with RATE_LIMITED and stores nothing more', async () => {
    const { groupId, member } = await setup()
    const first = await firstMessage(member, groupId)
    for (let i = 1; i < MESSAGE_RATE_LIMIT.limit; i++)
      await sendMessage(deps, member.account, { threadId: first.threadId }, say(`note ${i}`))
    expect(await code(sendMessage(deps, member.account, { threadId: first.threadId }, say('one too many')))).toBe(
      'RATE_LIMITED',
    )
    expect(await messageRows(first.threadId)).toHaveLength(MESSAGE_RATE_LIMIT.limit)
  })

  it('keeps the thread readable after the member leaves the group, but closed to both sides', async () => {
    const { facilitator, groupId, member } = await setup()
    const sent = await firstMessage(member, groupId)
    await leaveGroup(deps, member.account, groupId)
    const view = await openThread(deps, member.account, sent.threadId)
    expect(view.canSend).toBe(false)
    expect(view.messages).toHaveLength(1)
    expect(await code(sendMessage(deps, member.account, { threadId: sent.threadId }, say('still here?')))).toBe(
      'FORBIDDEN',
    )
    expect(await code(sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('goodbye')))).toBe(
      'FORBIDDEN',
    )
    expect(await code(startThread(deps, member.account, groupId))).toBe('NOT_FOUND')
    expect(await messageRows(sent.threadId)).toHaveLength(1)
  })
})

describe('crisis detection', () => {
  const crisisText = 'I want to kill myself tonight'

  it('raises one incident with its page and the message in one transaction, and shows the member the card', async () => {
    const { groupId, member, pseudonym } = await setup()
    const before = await firstMessage(member, groupId, 'The last weeks were heavy.')
    const sent = await sendMessage(deps, member.account, { threadId: before.threadId }, say(crisisText))
    expect(sent.crisis?.incidentId).toBeTruthy()
    expect(sent.crisis?.international.length).toBeGreaterThan(0)

    const incidents = await deps.sql<
      { id: string; source: string; level: string; memberLabel: string; xmin: string }[]
    >`
      select id, source, level, member_label as "memberLabel", xmin::text from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incidents).toHaveLength(1)
    expect(incidents[0]).toMatchObject({ source: 'direct_message', level: 'imminent', memberLabel: pseudonym })
    const [signal] = await deps.sql<
      { messageId: string }[]
    >`select message_id as "messageId" from crisis_signals where incident_id = ${incidents[0]!.id}`
    expect(signal!.messageId).toBe(sent.messageId)
    const [message] = await deps.sql<
      { xmin: string }[]
    >`select xmin::text from direct_messages where id = ${sent.messageId}`
    const pages = await deps.sql<{ xmin: string; payload: unknown }[]>`
      select xmin::text, payload from outbox where job_name = 'crisis:page' and payload->>'incidentId' = ${incidents[0]!.id}`
    expect(pages).toHaveLength(1)
    // Written by the same transaction as the message.
    expect(new Set([message!.xmin, incidents[0]!.xmin, pages[0]!.xmin]).size).toBe(1)

    // The clinician sees the message in its thread, with the one before it, and the member by pseudonym only.
    const clinician = await makeAccount(deps, 'clinician')
    const detail = await getIncidentDetail(
      deps,
      { accountId: clinician.accountId, role: 'clinician' },
      incidents[0]!.id,
    )
    const context = detail.context.find((c) => c.messageId === sent.messageId)
    expect(context?.kind).toBe('direct_message')
    expect(context?.messages.map((m) => [m.pseudonym, m.body, m.trigger])).toEqual([
      [pseudonym, 'The last weeks were heavy.', false],
      [pseudonym, crisisText, true],
    ])

    // Nothing of what was written in job payloads, Redis keys or logs.
    const payloads = await deps.sql<{ payload: unknown }[]>`select payload from outbox`
    expect(JSON.stringify(payloads)).not.toContain('kill')
    const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:*`)
    expect(keys.join('\n')).not.toContain('kill')
    expect(deps.logLines.join('\n')).not.toContain('kill myself')
    expect(deps.logLines.join('\n')).not.toContain(pseudonym)
  })

  it('raises nothing for an ordinary message, and never reads the facilitator’s answers as the member’s crisis', async () => {
    const { facilitator, groupId, member } = await setup()
    const sent = await firstMessage(member, groupId, 'Thank you for the session, see you Tuesday')
    expect(sent.crisis).toBeNull()
    await sendMessage(
      deps,
      facilitator.account,
      { threadId: sent.threadId },
      say('If you ever think you want to kill yourself, tell us at once.'),
    )
    const [count] = await deps.sql<
      { count: number }[]
    >`select count(*)::int from crisis_incidents where member_account_id = ${member.accountId}`
    expect(count!.count).toBe(0)
    const [pages] = await deps.sql<{ count: number }[]>`select count(*)::int from outbox where job_name = 'crisis:page'
      and payload->>'incidentId' in (select id::text from crisis_incidents where member_account_id = ${member.accountId})`
    expect(pages!.count).toBe(0)
  })
})

describe('notification emails', () => {
  async function notifyAll() {
    const jobs = await deps.sql<{ id: string; messageId: string }[]>`
      update outbox set sent_at = now() where sent_at is null and job_name = 'messages:notify' returning id, payload->>'messageId' as "messageId"`
    let sent = 0
    for (const job of jobs) sent += (await notifyNewMessage(deps, { messageId: job.messageId })).sent
    return sent
  }

  it('say only that there is a message, once per thread until it is read, and never twice for a retried job', async () => {
    const { facilitator, groupId, member, pseudonym } = await setup({
      memberEmail: `member${n + 1}@home.test`,
      memberLocale: 'pl',
      title: 'Grief and loss circle',
    })
    await notifyAll()
    deps.mail.mails.length = 0
    const sent = await firstMessage(member, groupId, 'My mother died last spring and I cannot sleep.')
    expect(await notifyAll()).toBe(1)
    const [mail] = deps.mail.mails
    expect(mail!.to).toEqual([`lead${n}@clinic.test`])
    expect(mail!.subject).toBe('You have a new message on Holdspace')
    expect(mail!.text).toContain(`${deps.config.publicUrl}/messages`)
    for (const secret of ['mother', 'sleep', pseudonym, 'Grief', `Dr Lead ${n}`, member.account.username])
      expect(mail!.raw).not.toContain(secret)

    // A retried job sends nothing again; a second message before the first was read sends nothing either.
    expect((await notifyNewMessage(deps, { messageId: sent.messageId })).sent).toBe(0)
    await sendMessage(deps, member.account, { threadId: sent.threadId }, say('Sorry, one more thing.'))
    expect(await notifyAll()).toBe(0)
    expect(deps.mail.mails).toHaveLength(1)

    // Once the facilitator has read the thread, the next message is announced again.
    await openThread(deps, facilitator.account, sent.threadId)
    await sendMessage(deps, member.account, { threadId: sent.threadId }, say('And a question about Tuesday.'))
    expect(await notifyAll()).toBe(1)

    // The member's email is in their own language.
    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('I am sorry for your loss.'))
    expect(await notifyAll()).toBe(1)
    const toMember = deps.mail.mails.at(-1)!
    expect(toMember.to).toEqual([`member${n}@home.test`])
    // The catcher's simple parser splits encoded words: compare the readable start.
    expect(toMember.subject).toMatch(/^Holdspace: masz now/)
    expect(toMember.raw).not.toContain('loss')
  })

  it('are not sent to a member without an email, nor about a message already read', async () => {
    const { facilitator, groupId, member } = await setup()
    const sent = await firstMessage(member, groupId)
    await notifyAll()
    const before = deps.mail.mails.length
    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('Answer to an anonymous member'))
    expect(await notifyAll()).toBe(0)
    await openThread(deps, facilitator.account, sent.threadId)
    const read = await sendMessage(deps, member.account, { threadId: sent.threadId }, say('Read before the job ran'))
    await openThread(deps, facilitator.account, sent.threadId)
    expect((await notifyNewMessage(deps, { messageId: read.messageId })).sent).toBe(0)
    expect(deps.mail.mails.length).toBe(before)
  })
})

describe('the facilitator inbox and stated response time', () => {
  it('puts whoever has waited longest first and marks threads older than the stated time as overdue', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Inbox')
    const admin = await makeAccount(deps, 'admin')
    await saveFacilitatorProfile(deps, facilitator.account, {
      displayName: 'Dr Inbox',
      education: '',
      experience: '',
      approach: '',
      languages: ['en'],
      licenceNumber: 'PSY-INBOX',
      licenceJurisdiction: 'Poland',
      responseHours: 12,
    })
    await setFacilitatorVerified(deps, admin.account, facilitatorKey(deps, facilitator.accountId), true)
    const groupId = await makeGroup(deps, facilitator)
    const [early, late, answered] = [await makeAccount(deps), await makeAccount(deps), await makeAccount(deps)]
    await enrol(deps, facilitator, groupId, early, 'Early')
    await enrol(deps, facilitator, groupId, late, 'Late')
    await enrol(deps, facilitator, groupId, answered, 'Answered')
    const t0 = new Date('2026-05-04T08:00:00Z')
    try {
      deps.setNow(t0)
      const a = await firstMessage(answered, groupId)
      await sendMessage(deps, facilitator.account, { threadId: a.threadId }, say('Answered.'))
      deps.setNow(new Date(t0.getTime() + 3_600_000))
      await firstMessage(early, groupId)
      deps.setNow(new Date(t0.getTime() + 10 * 3_600_000))
      await firstMessage(late, groupId)
      deps.setNow(new Date(t0.getTime() + 14 * 3_600_000))
      const inbox = (await listInbox(deps, facilitator.account)).asFacilitator
      expect(inbox.map((t) => [t.withName, t.overdue])).toEqual([
        ['Early', true],
        ['Late', false],
        ['Answered', false],
      ])
      const memberView = await startThread(deps, late.account, groupId)
      const thread = await openThread(deps, late.account, memberView.threadId!)
      expect(thread.responseHours).toBe(12)
      expect(thread.facilitatorNames).toEqual(['Dr Inbox'])
    } finally {
      deps.setNow(null)
    }
  })
})

describe('export and erasure', () => {
  it('exports the member’s threads with both sides and read times, and deleting the account erases them', async () => {
    const { facilitator, groupId, member, pseudonym } = await setup()
    const sent = await firstMessage(member, groupId, 'Export me')
    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('Answer to export'))
    await openThread(deps, facilitator.account, sent.threadId)
    const exported = await exportMessagesData(deps, member.accountId)
    expect(exported.threads).toHaveLength(1)
    expect(exported.threads[0]!.myPseudonym).toBe(pseudonym)
    expect(exported.threads[0]!.messages.map((m) => [m.from, m.body, m.readAt !== null])).toEqual([
      ['me', 'Export me', true],
      [`Dr Lead ${n}`, 'Answer to export', false],
    ])
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported)
    expect((await exportMessagesData(deps, facilitator.accountId)).answeredAsFacilitator.map((m) => m.body)).toEqual([
      'Answer to export',
    ])

    await deps.sql`delete from accounts where id = ${member.accountId}`
    const [left] = await deps.sql<
      { count: number }[]
    >`select count(*)::int from direct_messages where thread_id = ${sent.threadId}`
    expect(left!.count).toBe(0)
  })

  it('keeps a deleted facilitator’s answers in the member’s thread without an author', async () => {
    const { groupId, member } = await setup()
    const co = await makeVerifiedFacilitator(deps, 'Dr Leaving')
    await deps.sql`update groups set co_facilitator_id = ${co.accountId} where id = ${groupId}`
    const sent = await firstMessage(member, groupId)
    await sendMessage(deps, co.account, { threadId: sent.threadId }, say('From a co-facilitator who later leaves'))
    await deps.sql`update groups set co_facilitator_id = null where id = ${groupId}`
    await deps.sql`delete from accounts where id = ${co.accountId}`
    const view = await openThread(deps, member.account, sent.threadId)
    expect(view.messages.map((m) => [m.mine, m.author, m.body])).toEqual([
      [true, null, 'Could we talk about the homework?'],
      [false, null, 'From a co-facilitator who later leaves'],
    ])
  })
})

describe('the unread count beside "Messages"', () => {
  it('counts what the other side wrote and nobody else’s, and clears when the thread is opened', async () => {
    const { facilitator, groupId, member } = await setup()
    const co = await makeVerifiedFacilitator(deps, 'Dr Co Count')
    await deps.sql`update groups set co_facilitator_id = ${co.accountId} where id = ${groupId}`
    const elsewhere = await makeVerifiedFacilitator(deps, 'Dr Count Elsewhere')
    const sent = await firstMessage(member, groupId)
    await sendMessage(deps, member.account, { threadId: sent.threadId }, say('And one more thing.'))

    expect(await countUnread(deps, facilitator.account)).toBe(2)
    expect(await countUnread(deps, co.account)).toBe(2)
    expect(await countUnread(deps, member.account)).toBe(0)
    expect(await countUnread(deps, elsewhere.account)).toBe(0)

    await openThread(deps, co.account, sent.threadId)
    expect(await countUnread(deps, facilitator.account)).toBe(0)
    await sendMessage(deps, facilitator.account, { threadId: sent.threadId }, say('Happy to.'))
    expect(await countUnread(deps, member.account)).toBe(1)
  })
})
