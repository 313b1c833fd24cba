import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, type ChatTestMember } from '../../tests/support/chat.js'
import { makeAccount } from '../../tests/support/groups.js'
import { sendMessage } from '../chat/chat.service.js'
import { createSendCache, type SendCache } from '../chat/membership-cache.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { roomState, type RoomRule } from './rota.js'
import {
  addShift,
  exportRotaData,
  listRota,
  removeShift,
  roomOpenings,
  setRoomCover,
  setRoomHours,
} from './roomhours.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '100/10' })
  admin = (await makeAccount(deps, 'admin')).account
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
    return error instanceof AppError
      ? `${error.code}${error.fields ? ' ' + JSON.stringify(error.fields) : ''}`
      : String(error)
  }
}
let admin: SessionAccount
const asSession = (m: ChatTestMember): SessionAccount => ({
  sessionId: m.sessionId,
  accountId: m.accountId,
  kind: 'anonymous',
  username: m.username,
  email: null,
  role: m.role,
  locale: 'en',
  pseudonymMode: 'ask',
})
// Monday 7 December 2026; Warsaw is UTC+1 in winter, so 18:00 there is 17:00 UTC.
const MONDAY_18_WARSAW = new Date('2026-12-07T17:00:00Z')
const at = (iso: string) => new Date(iso)
const minutes = (n: number) => n * 60_000

describe('a rota, as a pure rule', () => {
  const shift = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) })
  const rule = (over: Partial<RoomRule>): RoomRule => ({
    zone: 'Europe/Warsaw',
    windows: [],
    withCover: true,
    shifts: [],
    ...over,
  })

  it('is open while a shift covers the moment, shifts that touch join up, and with no shift it names no opening', () => {
    const shifts = [
      shift('2026-12-07T17:00:00Z', '2026-12-07T19:00:00Z'),
      shift('2026-12-07T19:00:00Z', '2026-12-07T21:00:00Z'),
    ]
    expect(roomState(rule({ shifts }), at('2026-12-07T16:00:00Z'))).toEqual({
      open: false,
      scheduled: true,
      nextOpening: at('2026-12-07T17:00:00Z'),
      closesAt: null,
    })
    expect(roomState(rule({ shifts }), at('2026-12-07T18:00:00Z'))).toEqual({
      open: true,
      scheduled: true,
      nextOpening: null,
      closesAt: at('2026-12-07T21:00:00Z'),
    })
    expect(roomState(rule({ shifts }), at('2026-12-07T21:00:00Z'))).toMatchObject({ open: false, nextOpening: null })
    expect(roomState(rule({}), at('2026-12-07T18:00:00Z'))).toMatchObject({ open: false, nextOpening: null })
    // A room not set to open with cover ignores any shift (its hours alone decide).
    expect(roomState(rule({ withCover: false, shifts }), at('2026-12-07T16:00:00Z'))).toMatchObject({ open: true })
  })

  it('with opening hours too, is open only inside them AND covered, and opens at the later of the two', () => {
    // Hours Monday 18:00-20:00 Warsaw (17:00-19:00 UTC).
    const windows = [{ weekday: 1, opensMinute: 18 * 60, closesMinute: 20 * 60 }]
    // A shift from 16:00 to 18:30 UTC: the room opens with the hours at 17:00 and closes with the shift at 18:30.
    const shifts = [shift('2026-12-07T16:00:00Z', '2026-12-07T18:30:00Z')]
    expect(roomState(rule({ windows, shifts }), at('2026-12-07T16:30:00Z'))).toMatchObject({
      open: false,
      nextOpening: at('2026-12-07T17:00:00Z'),
    })
    expect(roomState(rule({ windows, shifts }), at('2026-12-07T17:30:00Z'))).toMatchObject({
      open: true,
      closesAt: at('2026-12-07T18:30:00Z'),
    })
    // A shift on Tuesday, outside every window, never opens the room; one the next Monday evening does.
    const later = [
      shift('2026-12-08T17:00:00Z', '2026-12-08T19:00:00Z'),
      shift('2026-12-14T18:00:00Z', '2026-12-14T20:00:00Z'),
    ]
    expect(roomState(rule({ windows, shifts: later }), at('2026-12-07T20:00:00Z'))).toMatchObject({
      open: false,
      nextOpening: at('2026-12-14T18:00:00Z'),
    })
  })
})

async function coveredRoom(name: string) {
  const slug = `${name}-${Date.now().toString(36)}-${randomUUID().slice(0, 4)}`
  const [row] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules) values (${slug}, 'Night watch', '', 'en', 'Be kind.') returning id`
  const roomId = row!.id
  const member = await chatMember(deps, slug)
  const facilitator = await chatMember(deps, slug, { role: 'facilitator' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
  await setRoomCover(deps, admin, { roomId, withCover: true })
  return { roomId, slug, member, facilitator }
}
const countMessages = async (roomId: string) =>
  Number((await deps.sql<{ n: string }[]>`select count(*) as n from messages where room_id = ${roomId}`)[0]!.n)
const countShifts = async (roomId: string) =>
  Number((await deps.sql<{ n: string }[]>`select count(*) as n from room_rota_shifts where room_id = ${roomId}`)[0]!.n)

describe('a room that opens only while a facilitator is on duty', () => {
  it('closes and reopens with its rota: members write only inside a shift, facilitators always', async () => {
    const { roomId, member, facilitator } = await coveredRoom('night-watch')
    // Each sender keeps one send cache, as a socket does: every change to the rota must reach it (decision 046).
    const caches = new Map<string, SendCache>()
    const cacheOf = (who: ChatTestMember) =>
      caches.get(who.accountId) ?? caches.set(who.accountId, createSendCache()).get(who.accountId)!
    const send = (who: ChatTestMember, body: string) =>
      codeOf(sendMessage(deps, who, { roomId, clientId: randomUUID(), body }, { cache: cacheOf(who) }))
    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() - minutes(120)))
    try {
      // Set to open with cover and nobody on the rota: closed, with no opening planned.
      expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({
        open: false,
        scheduled: true,
        nextOpening: null,
      })
      expect(await send(member, 'anyone?')).toBe('ROOM_CLOSED')

      // The facilitator signs up for Monday 18:00-20:00, entered in Warsaw time; an admin adds 20:00-21:00 for them.
      await addShift(deps, asSession(facilitator), {
        roomId,
        startsAt: '2026-12-07T18:00',
        endsAt: '2026-12-07T20:00',
        zone: 'Europe/Warsaw',
      })
      await addShift(deps, admin, {
        roomId,
        accountId: facilitator.accountId,
        startsAt: '2026-12-07T19:00',
        endsAt: '2026-12-07T20:00',
        zone: 'UTC',
      })
      expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({ open: false, nextOpening: MONDAY_18_WARSAW })
      expect(await send(member, 'is it open?')).toBe('ROOM_CLOSED')
      expect(await send(facilitator, 'We open at six.')).toBe('ok')

      deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(1)))
      expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({
        open: true,
        closesAt: new Date(MONDAY_18_WARSAW.getTime() + minutes(180)),
      })
      expect(await send(member, 'hello all')).toBe('ok')

      // The second shift carries the cover on past the first one's end.
      deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(150)))
      expect(await send(member, 'still here')).toBe('ok')

      deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(181)))
      expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({ open: false, nextOpening: null })
      expect(await send(member, 'gone?')).toBe('ROOM_CLOSED')
      expect(await send(facilitator, 'Closed for tonight; the lines below are open.')).toBe('ok')
      expect(await countMessages(roomId)).toBe(4)

      // Cover no longer required: the room is open at all times again.
      await setRoomCover(deps, admin, { roomId, withCover: false })
      expect(await send(member, 'back again')).toBe('ok')
    } finally {
      deps.setNow(null)
    }
  })

  it('stops counting the shifts of a facilitator taken off the room', async () => {
    const { roomId, member, facilitator } = await coveredRoom('night-owls')
    deps.setNow(MONDAY_18_WARSAW)
    try {
      await addShift(deps, asSession(facilitator), {
        roomId,
        startsAt: '2026-12-07T16:30',
        endsAt: '2026-12-07T19:00',
        zone: 'UTC',
      })
      expect((await roomOpenings(deps, [roomId]))[roomId]!.open).toBe(true)
      await deps.sql`delete from room_facilitators where room_id = ${roomId} and account_id = ${facilitator.accountId}`
      expect((await roomOpenings(deps, [roomId]))[roomId]!.open).toBe(false)
      expect(await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'hi' }))).toBe(
        'ROOM_CLOSED',
      )
    } finally {
      deps.setNow(null)
    }
  })

  it('combines with opening hours: open only inside them while covered', async () => {
    const { roomId, member, facilitator } = await coveredRoom('evening-cover')
    await setRoomHours(deps, admin, { roomId, zone: 'Europe/Warsaw', windows: '1 18:00-20:00' })
    deps.setNow(new Date(MONDAY_18_WARSAW.getTime() - minutes(90)))
    try {
      // Covered from 16:00 Warsaw, but the hours start at 18:00.
      await addShift(deps, asSession(facilitator), {
        roomId,
        startsAt: '2026-12-07T16:00',
        endsAt: '2026-12-07T19:00',
        zone: 'Europe/Warsaw',
      })
      expect((await roomOpenings(deps, [roomId]))[roomId]).toMatchObject({ open: false, nextOpening: MONDAY_18_WARSAW })
      expect(await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'early' }))).toBe(
        'ROOM_CLOSED',
      )
      deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(30)))
      expect(await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'in time' }))).toBe('ok')
      // Still inside the hours, but the shift ended at 19:00 Warsaw.
      deps.setNow(new Date(MONDAY_18_WARSAW.getTime() + minutes(61)))
      expect(await codeOf(sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'late' }))).toBe(
        'ROOM_CLOSED',
      )
    } finally {
      deps.setNow(null)
    }
  })
})

describe('the rota form', () => {
  it('refuses bad times, an end before the start and people who may not cover the room, storing nothing', async () => {
    const { roomId, member, facilitator } = await coveredRoom('rota-form')
    const other = await coveredRoom('rota-other')
    deps.setNow(MONDAY_18_WARSAW)
    try {
      const base = { roomId, zone: 'Europe/Warsaw', startsAt: '2026-12-08T18:00', endsAt: '2026-12-08T20:00' }
      const me = asSession(facilitator)
      expect(await codeOf(addShift(deps, me, { ...base, startsAt: 'tomorrow at six' }))).toBe(
        'VALIDATION_FAILED {"startsAt":"shift_time_invalid"}',
      )
      expect(await codeOf(addShift(deps, me, { ...base, endsAt: '2026-02-30T20:00' }))).toBe(
        'VALIDATION_FAILED {"endsAt":"shift_time_invalid"}',
      )
      expect(await codeOf(addShift(deps, me, { ...base, endsAt: '2026-12-08T17:00' }))).toBe(
        'VALIDATION_FAILED {"endsAt":"shift_end_before_start"}',
      )
      expect(await codeOf(addShift(deps, me, { ...base, endsAt: '2026-12-09T19:00' }))).toBe(
        'VALIDATION_FAILED {"endsAt":"shift_too_long"}',
      )
      expect(
        await codeOf(addShift(deps, me, { ...base, startsAt: '2026-12-06T10:00', endsAt: '2026-12-06T12:00' })),
      ).toBe('VALIDATION_FAILED {"endsAt":"shift_in_past"}')
      expect(
        await codeOf(addShift(deps, me, { ...base, startsAt: '2027-06-01T10:00', endsAt: '2027-06-01T12:00' })),
      ).toBe('VALIDATION_FAILED {"startsAt":"shift_too_far"}')
      // A facilitator of another room, a member, and an admin naming someone who does not facilitate here.
      expect(await codeOf(addShift(deps, asSession(other.facilitator), base))).toBe('FORBIDDEN')
      expect(await codeOf(addShift(deps, asSession(member), base))).toBe('FORBIDDEN')
      expect(await codeOf(addShift(deps, admin, { ...base, accountId: member.accountId }))).toBe(
        'VALIDATION_FAILED {"accountId":"shift_not_facilitator"}',
      )
      expect(await codeOf(addShift(deps, admin, { ...base, roomId: 'not-a-room' }))).toBe('NOT_FOUND')
      expect(await codeOf(setRoomCover(deps, asSession(facilitator), { roomId, withCover: false }))).toBe('FORBIDDEN')
      expect(await countShifts(roomId)).toBe(0)
      expect((await deps.sql`select opens_with_cover from rooms where id = ${roomId}`)[0]!.opens_with_cover).toBe(true)

      // A good shift is stored as the instant of the wall time in the writer's zone.
      const id = await addShift(deps, me, base)
      expect((await deps.sql`select starts_at, ends_at from room_rota_shifts where id = ${id}`)[0]).toEqual({
        starts_at: at('2026-12-08T17:00:00Z'),
        ends_at: at('2026-12-08T19:00:00Z'),
      })
      // The shift is the facilitator's own data: in their export.
      expect(await exportRotaData(deps, facilitator.accountId)).toEqual({
        roomShifts: [{ roomId, startsAt: '2026-12-08T17:00:00.000Z', endsAt: '2026-12-08T19:00:00.000Z' }],
      })
      // Only its facilitator or an admin may take it off the rota.
      expect(await codeOf(removeShift(deps, asSession(other.facilitator), id))).toBe('NOT_FOUND')
      expect(await countShifts(roomId)).toBe(1)
      const rota = await listRota(deps, me)
      expect(rota.map((r) => r.id)).toEqual([roomId])
      expect(rota[0]!.shifts).toMatchObject([{ id, mine: true, counts: true }])
      expect(await codeOf(removeShift(deps, me, id))).toBe('ok')
      expect(await countShifts(roomId)).toBe(0)
    } finally {
      deps.setNow(null)
    }
  })
})
