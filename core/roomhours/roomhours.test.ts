import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember } from '../../tests/support/chat.js'
import { sendMessage } from '../chat/chat.service.js'
import { createSendCache } from '../chat/membership-cache.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { openingState, parseWindows } from './roomhours.js'
import { roomOpenings, setRoomHours } from './roomhours.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '100/10' })
})
afterAll(async () => {
  deps.setNow(null)
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
const admin: SessionAccount = {
  sessionId: randomUUID(),
  accountId: randomUUID(),
  kind: 'anonymous',
  username: 'admin',
  email: null,
  role: 'admin',
  locale: 'en',
  pseudonymMode: 'ask',
}
// Monday 7 December 2026; Warsaw is UTC+1 in winter.
const MONDAY_18_WARSAW = new Date('2026-12-07T17:00:00Z')
const minutes = (n: number) => n * 60_000

async function newRoom(slug: string): Promise<string> {
  const [row] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules) values (${slug}, 'Evenings', '', 'en', 'Be kind.') returning id`
  return row!.id
}

describe('opening hours, as a pure schedule in the room zone', () => {
  const evenings = [{ weekday: 1, opensMinute: 18 * 60, closesMinute: 20 * 60 }]

  it('is open inside a window and closed outside it, naming the next opening', () => {
    expect(openingState(evenings, 'Europe/Warsaw', new Date(MONDAY_18_WARSAW.getTime() - minutes(1)))).toEqual({
      open: false,
      scheduled: true,
      nextOpening: MONDAY_18_WARSAW,
      closesAt: null,
    })
    expect(openingState(evenings, 'Europe/Warsaw', MONDAY_18_WARSAW)).toEqual({
      open: true,
      scheduled: true,
      nextOpening: null,
      closesAt: new Date(MONDAY_18_WARSAW.getTime() + minutes(120)),
    })
    // At closing time it is closed again until the same hour a week later.
    expect(
      openingState(evenings, 'Europe/Warsaw', new Date(MONDAY_18_WARSAW.getTime() + minutes(120))).nextOpening,
    ).toEqual(new Date(MONDAY_18_WARSAW.getTime() + 7 * 24 * minutes(60)))
  })

  it('keeps the local hour across a change of clocks, and a room without hours is always open', () => {
    // Sunday 29 March 2026 Warsaw moves to UTC+2: Monday 30 March 18:00 local is 16:00 UTC.
    expect(openingState(evenings, 'Europe/Warsaw', new Date('2026-03-28T12:00:00Z')).nextOpening).toEqual(
      new Date('2026-03-30T16:00:00Z'),
    )
    expect(openingState([], 'Europe/Warsaw', MONDAY_18_WARSAW)).toMatchObject({ open: true, scheduled: false })
  })

  it('reads windows one per line and refuses anything else', () => {
    expect(parseWindows('1 18:00-20:00\n7 09:30-24:00\n')).toEqual([
      { weekday: 1, opensMinute: 1080, closesMinute: 1200 },
      { weekday: 7, opensMinute: 570, closesMinute: 1440 },
    ])
    for (const bad of ['8 18:00-20:00', '1 20:00-18:00', '1 18:00', 'Mon 18:00-20:00', '1 24:30-25:00'])
      expect(parseWindows(bad)).toBeNull()
  })
})

describe('a room that opens only with cover', () => {
  it('closes and reopens with its schedule: members read but cannot write while it is closed', async () => {
    const roomId = await newRoom(`evenings-${Date.now().toString(36)}`)
    const slug = (await deps.sql<{ slug: string }[]>`select slug from rooms where id = ${roomId}`)[0]!.slug
    const member = await chatMember(deps, slug)
    const facilitator = await chatMember(deps, slug, { role: 'facilitator' })
    await setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '1 18:00-20:00' })
    // The member sends through one send cache, as from one socket: a schedule change must reach it (decision 046).
    const cache = createSendCache()
    const count = async () =>
      Number((await deps.sql<{ n: string }[]>`select count(*) as n from messages where room_id = ${roomId}`)[0]!.n)

    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() - minutes(5)))
    expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({ open: false, nextOpening: MONDAY_18_WARSAW })
    expect(
      await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'anyone here?' }, { cache })),
    ).toBe('ROOM_CLOSED')
    expect(await count()).toBe(0)
    // A facilitator may still post into a closed room.
    expect(
      await codeOf(sendMessage(deps, facilitator, { roomId, clientId: randomUUID(), body: 'We open at six.' })),
    ).toBe('ok')

    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(1)))
    expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({ open: true })
    expect(
      await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'hello all' }, { cache })),
    ).toBe('ok')

    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(121)))
    expect((await roomOpenings(deps, [roomId]))[roomId]!.open).toBe(false)
    expect(
      await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'still here?' }, { cache })),
    ).toBe('ROOM_CLOSED')
    expect(await count()).toBe(2)

    // Clearing the schedule opens the room at all times again.
    await setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '' })
    expect(
      await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'back again' }, { cache })),
    ).toBe('ok')
    deps.setNow(null)
  })

  it('still hears a message that shows risk, though the closed room refuses it', async () => {
    const roomId = await newRoom(`nights-${Date.now().toString(36)}`)
    const slug = (await deps.sql<{ slug: string }[]>`select slug from rooms where id = ${roomId}`)[0]!.slug
    const member = await chatMember(deps, slug)
    await setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '1 18:00-20:00' })
    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() - minutes(60)))
    try {
      expect(
        await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'i want to kill myself' })),
      ).toBe('ROOM_CLOSED')
      expect(await deps.sql`select id from messages where room_id = ${roomId}`).toHaveLength(0)
      expect(
        await deps.sql`select id from crisis_incidents where member_account_id = ${member.accountId}`,
      ).toHaveLength(1)
    } finally {
      deps.setNow(null)
    }
  })

  it('is scheduled by an admin only, and bad input changes nothing', async () => {
    const roomId = await newRoom(`mornings-${Date.now().toString(36)}`)
    await setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '2 08:00-10:00' })
    const before =
      await deps.sql`select weekday, opens_minute, closes_minute from room_opening_hours where room_id = ${roomId}`
    const facilitator: SessionAccount = { ...admin, role: 'facilitator' }
    expect(await codeOf(setRoomHours(deps, facilitator, { roomId, zone: 'Europe/Warsaw', windows: '' }))).toBe(
      'FORBIDDEN',
    )
    expect(await codeOf(setRoomHours(deps, admin, { roomId, zone: 'Mars/Olympus', windows: '' }))).toBe(
      'VALIDATION_FAILED',
    )
    expect(await codeOf(setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '2 10:00-08:00' }))).toBe(
      'VALIDATION_FAILED',
    )
    expect(await codeOf(setRoomHours(deps, admin, { roomId: randomUUID(), zone: 'Europe/Warsaw', windows: '' }))).toBe(
      'NOT_FOUND',
    )
    expect(
      await deps.sql`select weekday, opens_minute, closes_minute from room_opening_hours where room_id = ${roomId}`,
    ).toEqual(before)
  })
})
