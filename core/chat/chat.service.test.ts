import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { AppError } from '../errors.js'
import { signUp } from '../identity/identity.service.js'
import { editMessage, enterRoom, getRoomEntry, sendMessage } from './chat.service.js'
import { normalizeMessageBody } from './chat.schema.js'
import { PL_ADJECTIVES, PL_NOUNS, generatePseudonym } from './pseudonyms.js'
import type { CoreDeps } from '../deps.js'
import { chatComposition, type SendPipeline } from './send-pipeline.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '100/10' })
  await createSeedRooms(deps)
})
afterAll(async () => {
  await deps.close()
})

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise
    return 'ok'
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
}
const actorOf = (m: { accountId: string }) => ({
  accountId: m.accountId,
  role: 'member' as const,
  pseudonymMode: 'ask' as const,
})
/** The tests' deps with a changed copy of the composed send pipeline (the production one is left as it is). */
const withPipeline = (change: (send: SendPipeline) => SendPipeline): CoreDeps => {
  const chat = chatComposition(deps)
  return { ...deps, chat: { ...chat, send: change(chat.send) } }
}
const seqs = async (roomId: string) =>
  (await deps.sql<{ seq: number }[]>`select seq from messages where room_id = ${roomId} order by seq`).map((r) => r.seq)

describe('message text', () => {
  it('is trimmed, 1 to 2,000 characters, with no control characters but newlines and tabs', () => {
    expect(normalizeMessageBody('  hi\r\nthere\t!  ')).toEqual({ ok: true, body: 'hi\nthere\t!' })
    expect(normalizeMessageBody('😀'.repeat(2000))).toEqual({ ok: true, body: '😀'.repeat(2000) })
    expect(normalizeMessageBody('😀'.repeat(2001))).toEqual({ ok: false, reason: 'body_too_long' })
    expect(normalizeMessageBody(' \n ')).toEqual({ ok: false, reason: 'body_empty' })
    for (const bad of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0090b', 'a\ufeffb', 'a\ud800b']) {
      expect(normalizeMessageBody(bad), JSON.stringify(bad)).toEqual({ ok: false, reason: 'body_control_chars' })
    }
  })
})

describe('pseudonyms', () => {
  it('are generated as "Adjective Noun" in the room\'s language, Polish adjectives agreeing with the noun', () => {
    for (let n = 0; n < 50; n++) {
      expect(generatePseudonym('en')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
      const [adjective, noun] = generatePseudonym('pl').split(' ') as [string, string]
      const { gender } = PL_NOUNS.find((w) => w.word === noun)!
      expect(
        PL_ADJECTIVES.find((forms) => Object.values(forms).includes(adjective))![gender],
        `${adjective} ${noun}`,
      ).toBe(adjective)
    }
  })

  it('are unique within a room regardless of case, and one account has unrelated ones in different rooms', async () => {
    const first = await chatMember(deps, 'anxiety', { pseudonym: 'Quiet Heron' })
    const second = await signUp(deps, {
      kind: 'anonymous',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: '10.3.0.1',
    })
    const taken = await codeOf(
      enterRoom(deps, actorOf(second), 'anxiety', { pseudonymChoice: 'own', pseudonym: '  quiet   HERON ' }),
    )
    expect(taken).toBe('CONFLICT')
    expect(await deps.sql`select 1 from room_memberships where account_id = ${second.accountId}`).toHaveLength(0)
    // The same name is free in another room.
    const elsewhere = await enterRoom(deps, actorOf(second), 'grief', {
      pseudonymChoice: 'own',
      pseudonym: 'Quiet Heron',
    })
    expect(elsewhere.pseudonym).toBe('Quiet Heron')

    const inLowMood = await enterRoom(deps, actorOf(first), 'low-mood', { pseudonymChoice: 'generated' })
    expect(inLowMood.memberId).not.toBe(first.memberId)
    expect([inLowMood.memberId, first.memberId]).not.toContain(first.accountId)
    expect(
      await codeOf(enterRoom(deps, actorOf(second), 'parenting', { pseudonymChoice: 'own', pseudonym: '<script>' })),
    ).toBe('VALIDATION_FAILED')
  })

  it('the room page offers a free generated name to a newcomer and shows nothing about others', async () => {
    const newcomer = await signUp(deps, {
      kind: 'anonymous',
      password: 'a long secret phrase',
      consent: true,
      locale: 'pl',
      ip: '10.3.0.2',
    })
    const entry = await getRoomEntry(deps, { ...actorOf(newcomer), pseudonymMode: 'generate' }, 'lek')
    expect(entry).toMatchObject({
      status: 'entering',
      pseudonymMode: 'generate',
      pseudonym: null,
      room: { slug: 'lek', language: 'pl' },
    })
    expect(Object.keys(entry).sort()).toEqual(['pseudonym', 'pseudonymMode', 'room', 'status', 'suggestedPseudonym'])
    expect(await codeOf(getRoomEntry(deps, actorOf(newcomer), 'no-such-room'))).toBe('NOT_FOUND')
  })
})

describe('the send pipeline', () => {
  it('gives every room a gapless order, even when a resend races itself or a transaction fails', async () => {
    const roomId = await roomIdOf(deps, 'loneliness')
    const member = await chatMember(deps, 'loneliness')
    const clientId = randomUUID()
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => sendMessage(deps, member, { roomId, clientId, body: 'same one' })),
    )
    expect(new Set(racing.map((m) => m.id)).size).toBe(1)

    const failing = withPipeline((send) => ({
      ...send,
      persistHooks: [
        ...send.persistHooks,
        async () => {
          throw new Error('screening unavailable')
        },
      ],
    }))
    expect(await codeOf(sendMessage(failing, member, { roomId, clientId: randomUUID(), body: 'rolled back' }))).toBe(
      'Error: screening unavailable',
    )
    await sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'next' })
    expect(await seqs(roomId)).toEqual([1, 2])
  })

  it('runs a step placed before persist that stops a message before anything is written', async () => {
    const roomId = await roomIdOf(deps, 'zaloba')
    const member = await chatMember(deps, 'zaloba')
    const refusing = withPipeline((send) => {
      const steps = [...send.steps]
      steps.splice(
        steps.findIndex((s) => s.name === 'validate'),
        0,
        {
          name: 'test-muted',
          run: async () => {
            throw new AppError('FORBIDDEN')
          },
        },
      )
      return { ...send, steps }
    })
    expect(await codeOf(sendMessage(refusing, member, { roomId, clientId: randomUUID(), body: 'hello' }))).toBe(
      'FORBIDDEN',
    )
    expect(await seqs(roomId)).toEqual([])
  })

  it('runs the steps production composes, in this order, for every entry point built by the root', () => {
    // The order is a safety property (core/composition/send.ts): crisis detection hears a message before anything
    // may refuse it, the mute check follows replay, the screen's verdict comes just before persist.
    expect(chatComposition(deps).send.steps.map((s) => s.name)).toEqual([
      'authenticate',
      'authorize',
      'session-chat-access',
      'validate',
      'crisis-detect',
      'replay',
      'room-hours',
      'moderation',
      'rate-limit',
      'screen',
      'screen-verdict',
      'persist',
      'screen-notice',
      'broadcast',
      'held-to-readers',
      'crisis-card',
    ])
    expect(chatComposition(deps).send.persistHooks.map((h) => h.name)).toEqual(['raiseWithMessage', 'flagScreened'])
    expect(chatComposition(deps).send.abortHooks.map((h) => h.name)).toEqual(['raiseOnRefusal'])
    expect(chatComposition(deps).roomReadGuards.map((g) => g.name)).toEqual(['removedMayNotRead', 'bannedMayNotRead'])
    expect(chatComposition(deps).editHooks.map((h) => h.name)).toEqual(['screenEdit'])
    expect(chatComposition(deps).send.cachePrefetch.map((p) => p.slot)).toEqual([
      'chat:recent-texts',
      'room-hours',
      'moderation:restrictions',
    ])
  })

  it('refuses loudly to send or read with dependencies built without the composition root, writing nothing', async () => {
    const roomId = await roomIdOf(deps, 'rodzicielstwo')
    const member = await chatMember(deps, 'rodzicielstwo')
    const { chat: _chat, ...uncomposed } = deps
    expect(
      await codeOf(sendMessage(uncomposed, member, { roomId, clientId: randomUUID(), body: 'unscreened' })),
    ).toMatch(/not composed/)
    expect(
      await codeOf(editMessage(uncomposed, member.accountId, { roomId, messageId: randomUUID(), body: 'x' })),
    ).toMatch(/not composed/)
    expect(await seqs(roomId)).toEqual([])
  })

  it('allows edits for 10 minutes only, keeping every original', async () => {
    const roomId = await roomIdOf(deps, 'samotnosc')
    const member = await chatMember(deps, 'samotnosc')
    const sent = await sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'pierwsza wersja' })
    await editMessage(deps, member.accountId, { roomId, messageId: sent.id, body: 'druga wersja' })
    deps.setNow(new Date(Date.now() + 10 * 60_000 + 1000))
    try {
      expect(await codeOf(editMessage(deps, member.accountId, { roomId, messageId: sent.id, body: 'za późno' }))).toBe(
        'FORBIDDEN',
      )
    } finally {
      deps.setNow(null)
    }
    expect(await deps.sql`select body from message_revisions where message_id = ${sent.id}`).toEqual([
      { body: 'pierwsza wersja' },
    ])
    expect(await deps.sql`select body from messages where id = ${sent.id}`).toEqual([{ body: 'druga wersja' }])
  })
})
