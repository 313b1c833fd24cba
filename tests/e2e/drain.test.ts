/**
 * The browser side of a graceful drain (docs/realtime.md): when its server announces `server:draining`, the chat page
 * in Chromium leaves and connects again by itself (behind a load balancer: to another server), with no reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { signUp } from '../../core/identity/identity.service.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { createSeedRooms } from '../support/chat.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let user: UserSession | undefined

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await user?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const socketIds = async () => (await server.app.io.local.fetchSockets()).map((s) => s.id)

describe('a draining server, in Chromium', { timeout: 120_000 }, () => {
  it('makes the chat page reconnect by itself', async () => {
    user = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
    const account = await signUp(deps, {
      kind: 'anonymous',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: '10.78.0.1',
    })
    await enterRoom(deps, { accountId: account.accountId, role: 'member', pseudonymMode: 'ask' }, 'anxiety', {
      pseudonymChoice: 'generated',
    })
    await signInWith(user, server.baseUrl, account.sessionToken)
    await user.page.goto('/rooms/anxiety')
    await waitForHydration(user.page)
    await expect.poll(async () => (await socketIds()).length, { timeout: 30_000 }).toBe(1)
    const [before] = await socketIds()

    server.app.startDrain()
    // The old socket is gone and a new one, from the same page, is connected: no reload happened.
    await expect
      .poll(
        async () => {
          const ids = await socketIds()
          return ids.length === 1 && ids[0] !== before
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    expect(await user.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
  }, 120_000)
})
