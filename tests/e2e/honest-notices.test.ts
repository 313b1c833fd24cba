/**
 * Honest notices (issue 18), in Chromium: a refused message says why in the member's language (contact details,
 * a mute with its end), and a warning from a facilitator reaches the member's open room live, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { formatDateTime } from '../../core/contracts/time.js'
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
import { reportMessage, takeModerationAction } from '../../core/moderation/moderation.service.js'
import { sendMessage } from '../../core/chat/chat.service.js'
import { randomUUID } from 'node:crypto'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []

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

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 })

async function browserFor(member: ChatTestMember): Promise<UserSession> {
  const user = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(user, server.baseUrl, member.cookie.slice('hs_session='.length))
  sessions.push(user)
  return user
}

async function openRoom(page: Page, slug: string) {
  await page.goto(`/rooms/${slug}`)
  await waitForHydration(page)
  await poll(() => page.getByTestId('connection-status').getAttribute('class')).toContain('connection-connected')
}

async function send(page: Page, text: string) {
  await page.locator('form.composer textarea').fill(text)
  await page.locator('form.composer button[type="submit"]').click()
}

async function facilitatorOf(slug: string) {
  const roomId = await roomIdOf(deps, slug)
  const facilitator = await chatMember(deps, slug, { role: 'facilitator' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
  return { roomId, facilitator, actor: { accountId: facilitator.accountId, role: 'facilitator' as const } }
}

describe('honest notices', () => {
  it('a message with a phone number is refused saying it holds contact details, in English and in Polish', async () => {
    const member = await chatMember(deps, 'anxiety')
    const user = await browserFor(member)
    await openRoom(user.page, 'anxiety')
    await send(user.page, 'text me on 07700 900123 tonight')
    const pending = user.page.getByTestId('pending-message')
    await poll(() => pending.getAttribute('data-state')).toBe('failed')
    expect(await pending.getByTestId('send-error').textContent()).toContain(
      'it contains contact details (a phone number',
    )
    expect(await pending.textContent()).not.toContain('Please rephrase it')

    // The same refusal for a Polish member, in Polish.
    const polish = await chatMember(deps, 'lek')
    await deps.sql`update accounts set locale = 'pl' where id = ${polish.accountId}`
    const pl = await browserFor(polish)
    await openRoom(pl.page, 'lek')
    await send(pl.page, 'napisz do mnie: jan.kowalski@example.com')
    const plPending = pl.page.getByTestId('pending-message')
    await poll(() => plPending.getAttribute('data-state')).toBe('failed')
    expect(await plPending.getByTestId('send-error').textContent()).toContain(
      'Nie wysłano: wiadomość zawiera dane kontaktowe',
    )

    // Their help page names every crisis line in Polish (the line finder's label was English).
    await pl.page.goto('/help')
    const lines = await pl.page.locator('.crisis-line strong').allTextContents()
    expect(lines).toContain(
      'Wyszukiwarka telefonów zaufania na całym świecie (bezpłatne, poufne linie wsparcia w wielu krajach; serwis Find A Helpline)',
    )
    expect(lines.filter((name) => name.startsWith('Find A Helpline'))).toEqual([])
    for (const u of [user, pl]) expect(u.log.errors).toEqual([])
  }, 90_000)

  it("a muted member's send is refused with the mute's end", async () => {
    const { roomId, actor } = await facilitatorOf('grief')
    const member = await chatMember(deps, 'grief')
    await takeModerationAction(deps, actor, { action: 'mute', roomId, memberId: member.memberId, duration: 30 })
    const [mute] = await deps.sql<
      { endsAt: Date }[]
    >`select ends_at as "endsAt" from moderation_sanctions where membership_id = ${member.memberId} and kind = 'mute'`
    const user = await browserFor(member)
    await openRoom(user.page, 'grief')
    await send(user.page, 'hello?')
    const pending = user.page.getByTestId('pending-message')
    await poll(() => pending.getAttribute('data-state')).toBe('failed')
    // In the member's language and zone (UTC here, as their browser's), the zone named.
    const until = formatDateTime(mute!.endsAt, { locale: 'en', zone: 'UTC' }, { year: false })
    expect(await pending.getByTestId('send-error').textContent()).toBe(
      `Not sent: a facilitator has muted you in this room until ${until}.`,
    )
  }, 90_000)

  it('a warned member sees the warning live, without a reload', async () => {
    const { roomId, actor } = await facilitatorOf('loneliness')
    const member = await chatMember(deps, 'loneliness')
    const user = await browserFor(member)
    await openRoom(user.page, 'loneliness')
    await user.page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
    expect(await user.page.getByTestId('live-sanction').count()).toBe(0)

    await takeModerationAction(deps, actor, { action: 'warn', roomId, memberId: member.memberId, reason: 'be kind' })

    const notice = user.page.getByTestId('live-sanction')
    await poll(() => notice.count()).toBe(1)
    expect(await notice.getAttribute('role')).toBe('alert')
    expect(await notice.textContent()).toContain('A facilitator has sent you a warning')
    // The warning carries no facilitator's reason text or other member's name, and the page was not reloaded.
    expect(await notice.textContent()).not.toContain('be kind')
    expect(await user.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    await poll(() => user.page.getByTestId('warning-notice').count()).toBe(1)
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await poll(() => notice.count()).toBe(0)
    expect(user.log.errors).toEqual([])
  }, 90_000)
})

describe('the moderation page', () => {
  it("shows the flag queue first; the rooms' slow-mode and lock forms come after it, collapsed", async () => {
    const { facilitator } = await facilitatorOf('parenting')
    const user = await browserFor(facilitator)
    const page = user.page
    await page.goto('/moderation')
    await waitForHydration(page)
    const order = await page.evaluate(() => {
      const queue = document.querySelector('[data-testid="queue"]')!
      const rooms = document.querySelector('[data-testid="room-controls"]')!
      return {
        queueFirst: Boolean(queue.compareDocumentPosition(rooms) & Node.DOCUMENT_POSITION_FOLLOWING),
        open: (rooms as HTMLDetailsElement).open,
      }
    })
    expect(order).toEqual({ queueFirst: true, open: false })
    const slowMode = page.getByLabel('Slow mode (seconds between messages, 0 for off)')
    expect(await slowMode.isVisible()).toBe(false)
    // One press on "Your rooms" opens the room controls.
    await page.getByTestId('room-controls').locator('summary').click()
    await poll(() => slowMode.isVisible()).toBe(true)
    expect(user.log.errors).toEqual([])
  }, 60_000)
})

describe('a reporter learns what happened', () => {
  it("lists their reports: action taken, no action, waiting; never the other member's penalty", async () => {
    const { roomId, actor } = await facilitatorOf('lek')
    const author = await chatMember(deps, 'lek', { pseudonym: 'Olek Autor' })
    const reporter = await chatMember(deps, 'lek')
    const post = (body: string) =>
      sendMessage(deps, { accountId: author.accountId, role: 'member', locale: 'en' } as never, {
        roomId,
        clientId: randomUUID(),
        body,
      })
    const reporterActor = { accountId: reporter.accountId, role: 'member' as const }
    const [acted, dismissed, waiting] = [
      await post('pierwsza wiadomosc'),
      await post('druga wiadomosc'),
      await post('trzecia wiadomosc'),
    ]
    await reportMessage(deps, reporterActor, { roomId, messageId: acted.id, category: 'harassment' })
    await reportMessage(deps, reporterActor, { roomId, messageId: dismissed.id, category: 'spam' })
    await reportMessage(deps, reporterActor, { roomId, messageId: waiting.id, category: 'other' })
    await takeModerationAction(deps, actor, {
      action: 'warn',
      roomId,
      messageId: acted.id,
      memberId: author.memberId,
      reason: 'private reason',
    })
    const [flag] = await deps.sql<
      { id: string }[]
    >`select flag_id as id from moderation_reports where message_id = ${dismissed.id}`
    await takeModerationAction(deps, actor, { action: 'dismiss', roomId, flagId: flag!.id })

    const user = await browserFor(reporter)
    await user.page.goto('/reports')
    const reports = user.page.getByTestId('own-report')
    await poll(() => reports.count()).toBe(3)
    const outcomeOf = async (category: string) =>
      reports.filter({ hasText: category }).getByTestId('report-outcome').textContent()
    expect(await outcomeOf('Harassment or bullying')).toBe(
      'A facilitator looked at it and took action. Thank you for reporting it.',
    )
    expect(await outcomeOf('Spam')).toBe('A facilitator looked at it and decided no action was needed.')
    expect(await reports.filter({ hasText: 'Waiting' }).count()).toBe(1)
    const page = (await user.page.locator('main').textContent()) ?? ''
    for (const secret of ['warn', 'Warn', 'private reason', 'Olek Autor', 'mute', 'ban'])
      expect(page).not.toContain(secret)
    // Another member sees none of these reports.
    const other = await browserFor(await chatMember(deps, 'lek'))
    await other.page.goto('/reports')
    await poll(() => other.page.getByTestId('reports-empty').count()).toBe(1)
    expect(user.log.errors).toEqual([])
  }, 90_000)
})
