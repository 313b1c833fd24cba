/**
 * Supportive reactions and the facilitator's mark, as two people meet them in their own Chromium contexts: a
 * member taps "Hugs" under a facilitator's message and the facilitator's screen shows the count live; the
 * member's own reaction is pressed for them only; the room's member list marks the facilitator in words.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../support/chat.js'
import {
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'
import { sendMessage } from '../../core/chat/chat.service.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const users: UserSession[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const u of users) await u.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 })

async function open(member: ChatTestMember) {
  const user = await newUser(browser, { baseURL: server.baseUrl })
  users.push(user)
  await signInWith(user, server.baseUrl, member.cookie.replace('hs_session=', ''))
  await user.page.goto('/rooms/anxiety')
  await waitForHydration(user.page)
  return user.page
}

describe('reactions in the room', () => {
  it('a hug arrives live on the other screen; the facilitator is marked in words in the member list', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
    const member = await chatMember(deps, 'anxiety', { pseudonym: 'Mia Member' })
    const fay = await open(facilitator)
    const mia = await open(member)

    // The room's member list: the facilitator carries a text badge, the member none.
    const row = (page: typeof mia, name: string) =>
      page.getByTestId('presence').locator('.presence-member', { hasText: name })
    await poll(() => row(mia, 'Fay Facil').textContent()).toContain('Facilitator')
    expect(await row(mia, 'Mia Member').textContent()).not.toContain('Facilitator')

    const body = 'Welcome, everyone. How has your week been?'
    await sendMessage(
      deps,
      { accountId: facilitator.accountId, role: 'facilitator' },
      { roomId, clientId: randomUUID(), body },
    )
    const messageOn = (page: typeof mia) => page.getByTestId('message').filter({ hasText: body })
    await poll(() => messageOn(mia).count()).toBe(1)

    const hugs = (page: typeof mia) => messageOn(page).getByRole('button', { name: /^Hugs: / })
    expect(await hugs(mia).getAttribute('aria-pressed')).toBe('false')
    await hugs(mia).click()
    await poll(() => hugs(mia).getAttribute('aria-pressed')).toBe('true')
    await poll(() => hugs(mia).getAttribute('aria-label')).toBe('Hugs: 1')

    // Live on the facilitator's screen: the count, not pressed for them.
    await poll(() => hugs(fay).getAttribute('aria-label')).toBe('Hugs: 1')
    expect(await hugs(fay).getAttribute('aria-pressed')).toBe('false')
    // A reaction is not a message: the timeline did not grow.
    expect(await fay.getByTestId('message').count()).toBe(1)

    // Taking it back reaches the other screen too.
    await hugs(mia).click()
    await poll(() => hugs(fay).getAttribute('aria-label')).toBe('Hugs: 0')
  }, 120_000)
})
