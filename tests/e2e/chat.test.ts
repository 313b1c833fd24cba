/**
 * A chat room as two people meet it, each in their own browser context on a 360 px phone screen:
 * both read and accept the rules and enter under different pseudonyms, see each other in presence,
 * exchange messages (text stays text, links are not fetched; a personal mute hides someone for one member),
 * one reloads and sees the whole history, one leaves and the other's presence and the room list update live,
 * and a message written while offline is sent once the connection returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { signOut, signUp } from '../../core/identity/identity.service.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { createSeedRooms } from '../support/chat.js'
import { accessibilityViolations, describeViolations } from '../support/a11y.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  horizontalOverflow,
  launchBrowser,
  newUser,
  waitForHydration,
  type UserSession,
  signInWith,
} from '../support/browser.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let ann: UserSession
let bo: UserSession

const sessions = new Map<UserSession, string>()

async function signedInUser(ip: string): Promise<UserSession> {
  const user = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  const account = await signUp(deps, {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: true,
    locale: 'en',
    ip,
  })
  await signInWith(user, server.baseUrl, account.sessionToken)
  sessions.set(user, account.sessionId)
  return user
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  // The browser's origin is the test server's own address (port 0): allow its sockets.
  browser = await launchBrowser()
  ann = await signedInUser('10.20.0.1')
  bo = await signedInUser('10.20.0.2')
})

afterAll(async () => {
  await ann?.close().catch(() => {})
  await bo?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

/** Waits for what a person would wait for: live updates may take a moment on a loaded machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 })

/** axe-core's WCAG 2.1 A/AA check on the page as it is now. */
async function expectAccessible(page: Page) {
  expect(describeViolations(page.url(), await accessibilityViolations(page))).toBe('')
}

async function expectFitsPhone(page: Page, label: string) {
  const { scrollWidth } = await horizontalOverflow(page)
  expect(scrollWidth, `${label}: page scrolls sideways`).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
}

const presence = (page: Page) => page.getByTestId('presence').locator('.presence-name').allTextContents()
const messageTexts = (page: Page) =>
  page.getByTestId('messages').locator('[data-testid="message"] .message-body').allTextContents()

async function enterAnxietyRoom(page: Page, pseudonym: { own: string } | 'generated') {
  await page.goto('/rooms')
  await waitForHydration(page)
  await expectFitsPhone(page, 'room list')
  await page.getByRole('link', { name: 'Enter Anxiety' }).click()
  await page.waitForURL('**/rooms/anxiety')
  await poll(() => page.getByRole('heading', { name: 'Room rules' }).isVisible()).toBe(true)
  await expectFitsPhone(page, 'room rules')
  await expectAccessible(page)
  await page.getByRole('checkbox', { name: 'I have read the rules and will follow them' }).check()
  if (pseudonym === 'generated') {
    await page.getByRole('radio', { name: /Use the suggested name/ }).check()
  } else {
    await page.getByRole('radio', { name: 'Choose my own name' }).check()
    await page.getByLabel('Pseudonym (2 to 32 characters)').fill(pseudonym.own)
  }
  await page.getByRole('button', { name: 'Enter the room' }).click()
  await poll(() => page.getByTestId('connection-status').textContent()).toBe('Connected')
  return ((await page.locator('.chat-me').textContent()) ?? '').replace(/^You are /, '')
}

async function open(page: Page, path: string) {
  await page.goto(path)
  await waitForHydration(page)
}

async function send(page: Page, text: string) {
  const composer = page.getByLabel('Write a message')
  await composer.fill(text)
  await composer.press('Enter')
  await poll(() => composer.inputValue()).toBe('')
}

describe('a chat room in two browsers', { timeout: 120_000 }, () => {
  let annName = ''
  let boName = ''

  it('two members enter under different pseudonyms and see each other in presence', async () => {
    annName = await enterAnxietyRoom(ann.page, { own: 'Ann Heron' })
    expect(annName).toBe('Ann Heron')
    boName = await enterAnxietyRoom(bo.page, 'generated')
    expect(boName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
    expect(boName).not.toBe(annName)

    const both = [annName, boName].sort()
    await poll(async () => (await presence(ann.page)).sort()).toEqual(both)
    await poll(async () => (await presence(bo.page)).sort()).toEqual(both)
    await poll(() => ann.page.getByRole('heading', { name: 'Here now (2)' }).isVisible()).toBe(true)
    await expectFitsPhone(ann.page, 'chat room')
  })

  it('they exchange messages; text stays text and links open elsewhere without a preview', async () => {
    await send(ann.page, 'Hello, is anyone around tonight?')
    await poll(() => messageTexts(bo.page)).toEqual(['Hello, is anyone around tonight?'])
    await send(bo.page, 'Yes <b>I am</b> here, see https://example.org/help.')
    await poll(() => messageTexts(ann.page)).toEqual([
      'Hello, is anyone around tonight?',
      'Yes <b>I am</b> here, see https://example.org/help.',
    ])

    const log = ann.page.getByRole('log', { name: 'Messages' })
    expect(await log.getAttribute('aria-live')).toBe('polite')
    expect(await log.locator('b').count()).toBe(0)
    const link = log.getByRole('link', { name: 'https://example.org/help' })
    expect(await link.getAttribute('href')).toBe('https://example.org/help')
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    expect(await link.getAttribute('target')).toBe('_blank')
    // Nothing pending: both messages were acknowledged, and each author sees their own as sent.
    expect(await ann.page.getByTestId('pending-message').count()).toBe(0)
    expect(await ann.page.locator('[data-seq="1"] [data-testid="message-sent"]').textContent()).toBe('Sent')
    expect(await ann.page.locator('[data-seq="2"] [data-testid="message-sent"]').count()).toBe(0)
    await expectFitsPhone(bo.page, 'chat with messages')

    // Bo mutes Ann: her messages are hidden for Bo only, until Bo unmutes her.
    await bo.page.getByRole('button', { name: 'Mute Ann Heron' }).click()
    await poll(() => bo.page.locator('.message-hidden').allTextContents()).toEqual(['Hidden: you muted Ann Heron.'])
    expect(await messageTexts(ann.page)).toHaveLength(2)
    await bo.page.getByRole('button', { name: 'Unmute Ann Heron' }).click()
    await poll(() => messageTexts(bo.page)).toHaveLength(2)
    await expectAccessible(bo.page)
    await expectAccessible(ann.page)
  })

  it('after a reload the member sees the full history', async () => {
    await ann.page.reload()
    await waitForHydration(ann.page)
    await poll(() => ann.page.getByTestId('connection-status').textContent()).toBe('Connected')
    await poll(() => messageTexts(ann.page)).toEqual([
      'Hello, is anyone around tonight?',
      'Yes <b>I am</b> here, see https://example.org/help.',
    ])
    await poll(async () => (await presence(ann.page)).sort()).toEqual([annName, boName].sort())
  })

  it('when one leaves, presence updates for the other, and the room list counts live', async () => {
    await bo.page.goto('/rooms')
    await waitForHydration(bo.page)
    await poll(async () => presence(ann.page)).toEqual([annName])
    await poll(() => ann.page.getByRole('heading', { name: 'Here now (1)' }).isVisible()).toBe(true)
    await poll(() => bo.page.getByTestId('count-anxiety').textContent()).toBe('1 here now')

    // Ann writes while Bo is away; when Bo comes back, the unread divider sits before it.
    await send(ann.page, 'Are you still there?')
    await poll(() => ann.page.locator('[data-seq="3"]').isVisible()).toBe(true)
    await bo.page.goto('/rooms/anxiety')
    await poll(() => messageTexts(bo.page)).toEqual([
      'Hello, is anyone around tonight?',
      'Yes <b>I am</b> here, see https://example.org/help.',
      'Are you still there?',
    ])
    const divider = bo.page.getByTestId('unread-divider')
    expect(await divider.textContent()).toBe('New messages')
    expect(
      await bo.page.locator('[data-testid="unread-divider"] + [data-testid="message"]').getAttribute('data-seq'),
    ).toBe('3')

    // Bo goes back to the room list; when Ann leaves too, Bo's list follows live, without a reload.
    await open(bo.page, '/rooms')
    await poll(() => bo.page.getByTestId('count-anxiety').textContent()).toBe('1 here now')
    await ann.page.goto('/')
    await poll(() => bo.page.getByTestId('count-anxiety').textContent()).toBe('0 here now')
  })

  it('a message written while the connection is down is sent once it returns, exactly once', async () => {
    await open(ann.page, '/rooms/anxiety')
    await poll(() => ann.page.getByTestId('connection-status').textContent()).toBe('Connected')
    await ann.context.setOffline(true)
    await poll(() => ann.page.getByTestId('connection-status').textContent()).not.toBe('Connected')
    await send(ann.page, 'Written in a tunnel')
    await poll(() => ann.page.getByTestId('pending-message').count()).toBe(1)
    expect(await ann.page.getByTestId('pending-message').getAttribute('data-state')).toBe('pending')
    expect(await ann.page.getByTestId('pending-message').locator('.message-state').textContent()).toBe('Sending…')
    await ann.context.setOffline(false)
    await poll(() => ann.page.getByTestId('connection-status').textContent()).toBe('Connected')
    await poll(() => ann.page.getByTestId('pending-message').count()).toBe(0)
    await poll(async () => (await messageTexts(ann.page)).filter((t) => t === 'Written in a tunnel')).toEqual([
      'Written in a tunnel',
    ])
    expect(await deps.sql`select 1 from messages where body = 'Written in a tunnel'`).toHaveLength(1)
  })

  it('signing out elsewhere takes the open room page to sign-in', async () => {
    await signOut(deps, sessions.get(ann)!)
    await ann.page.waitForURL((url) => url.pathname === '/signin')
    expect(new URL(ann.page.url()).searchParams.get('next')).toBe('/rooms/anxiety')
  })

  it('broke no Content Security Policy rule and threw no page error', () => {
    for (const user of [ann, bo]) {
      expect(user.log.csp).toEqual([])
      expect(user.log.errors).toEqual([])
    }
  })
})
