/**
 * Safe messaging as three people meet it in Chromium (docs/decisions/021): a member writes method detail in a room;
 * they see their words with the kind notice and the crisis card; a peer's page never shows the text; the room's
 * facilitator reads it and releases it, after which the peer sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../support/chat.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone } from '../support/usable.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []

const EXAMPLE = "I have the pills ready and I'm going to end it tonight"

async function browserFor(member: ChatTestMember, viewport?: { width: number; height: number }): Promise<UserSession> {
  const user = await newUser(browser, { baseURL: server.baseUrl, ...(viewport ? { viewport } : {}) })
  await signInWith(user, server.baseUrl, member.cookie.slice('hs_session='.length))
  sessions.push(user)
  return user
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 })

async function openRoom(page: Page) {
  await page.goto('/rooms/low-mood')
  await waitForHydration(page)
  await poll(() => page.getByTestId('connection-status').textContent()).toMatch(/connected/i)
}

async function send(page: Page, text: string) {
  await page.getByLabel('Write a message').fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
}

describe('a message naming a method, in a room', () => {
  it('goes to the care team: the sender sees the notice and their lines, the peer never sees it until a facilitator releases it', async () => {
    const roomId = await roomIdOf(deps, 'low-mood')
    const sender = await chatMember(deps, 'low-mood', { pseudonym: 'Grey Sparrow' })
    const peer = await chatMember(deps, 'low-mood', { pseudonym: 'Warm Cedar' })
    const facilitator = await chatMember(deps, 'low-mood', { role: 'facilitator', pseudonym: 'Fay Facil' })
    await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`

    // The sender on a phone: the notice, their words and the card must be readable at 360 px.
    const senderUser = await browserFor(sender, MOBILE_VIEWPORT)
    const peerUser = await browserFor(peer)
    const facilitatorUser = await browserFor(facilitator)
    for (const user of [senderUser, peerUser, facilitatorUser]) await openRoom(user.page)

    await send(senderUser.page, EXAMPLE)
    const own = senderUser.page.locator('[data-moderation="held"]')
    await poll(() => own.count()).toBe(1)
    expect(await own.locator('.message-body').textContent()).toBe(EXAMPLE)
    await poll(() => own.getByTestId('held-notice').textContent()).toMatch(/went to the care team, not to the room/)
    expect(await own.getByTestId('held-label').textContent()).toBe('Only you and the care team can see this')
    const card = senderUser.page.getByTestId('chat-crisis')
    await poll(() => card.isVisible()).toBe(true)
    expect(await card.getByRole('link').count()).toBeGreaterThan(0)
    await expectUsableOnPhone(senderUser.page, 'a held message, its sender')

    // The facilitator reads it, marked as held; the peer's page has nothing of it.
    const seen = facilitatorUser.page.locator('[data-moderation="held"]')
    await poll(() => seen.locator('.message-body').textContent()).toBe(EXAMPLE)
    expect(await seen.getByTestId('held-label').textContent()).toBe('Held for safety: the room does not see this')
    await send(senderUser.page, 'thank you for listening')
    await poll(() => peerUser.page.getByTestId('messages').textContent()).toContain('thank you for listening')
    expect(await peerUser.page.content()).not.toContain('pills')

    // A reload (history from the server) shows the peer nothing either, and the sender still their words.
    await openRoom(peerUser.page)
    await poll(() => peerUser.page.getByTestId('messages').textContent()).toContain('thank you for listening')
    expect(await peerUser.page.content()).not.toContain('pills')
    await openRoom(senderUser.page)
    await poll(() => senderUser.page.locator('[data-moderation="held"] .message-body').textContent()).toBe(EXAMPLE)

    // The facilitator releases it; the peer sees it without reloading.
    facilitatorUser.page.once('dialog', (dialog) => void dialog.accept())
    await seen.getByRole('button', { name: 'Release to the room' }).click()
    await poll(() => peerUser.page.getByTestId('messages').textContent()).toContain(EXAMPLE)
    const [audit] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from audit_log where action = 'moderation.release' and actor_account_id = ${facilitator.accountId}`
    expect(audit!.n).toBe(1)
  }, 90_000)
})
