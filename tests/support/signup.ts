/**
 * Sign-up with an email, the way a person does it: the form (or requestSignUp) answers "check your email", the
 * notifications job sends the real outcome through SMTP to the test's mail catcher, and the link in that email
 * creates the account. Helpers that only need an account (createAccount, chatMember) make it in the database.
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { confirmSignUp, requestSignUp, sendSignUpEmail } from '../../core/identity/identity.service.js'
import type { CaughtMail } from '../../scripts/mail-catcher.js'
import type { TestDeps } from './deps.js'
import { waitForHydration } from './browser.js'

/** Runs the unsent `signup:email` jobs as the notifications worker would (only those: other jobs stay unsent). */
export async function deliverSignUpEmails(deps: TestDeps): Promise<Array<'sent' | 'notice' | 'skipped'>> {
  const rows = await deps.sql<{ payload: { requestId: string } }[]>`
    update outbox set sent_at = now() where sent_at is null and job_name = 'signup:email' returning payload`
  const results: Array<'sent' | 'notice' | 'skipped'> = []
  for (const row of rows) results.push(await sendSignUpEmail(deps, row.payload))
  return results
}

/** The newest email caught for `to`, once one more than `seenBefore` has arrived. */
export async function mailFor(deps: TestDeps, to: string, seenBefore = 0): Promise<CaughtMail> {
  const mine = () => deps.mail.mails.filter((m) => m.to.includes(to.toLowerCase()))
  await expect.poll(() => mine().length, { timeout: 10_000 }).toBeGreaterThan(seenBefore)
  return mine().at(-1)!
}

export const mailsFor = (deps: TestDeps, to: string) =>
  deps.mail.mails.filter((m) => m.to.includes(to.toLowerCase())).length

/** The confirmation link's path and query (`/signup/confirm?token=…`) in an email, or null when it has none. */
export function confirmationPath(mail: CaughtMail): string | null {
  const match = mail.text.match(/https?:\/\/[^\s/]+(\/signup\/confirm\?token=[^\s]+)/)
  return match ? match[1]! : null
}

export const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!

/** A registered account made through the real flow in core: request, emailed link, confirmation. */
export async function signUpByEmail(
  deps: TestDeps,
  input: { email: string; password: string; ip: string; locale?: 'en' | 'pl'; country?: string | null },
) {
  const before = mailsFor(deps, input.email)
  await requestSignUp(deps, { ...input, locale: input.locale ?? 'en', consent: true })
  await deliverSignUpEmails(deps)
  const path = confirmationPath(await mailFor(deps, input.email, before))
  if (!path) throw new Error('the email has no confirmation link')
  return confirmSignUp(deps, { token: tokenOf(path) })
}

/**
 * In a real browser: fill in /signup with an email, see "check your email", follow the emailed link, press the button
 * and land on the new account's username and recovery code. Returns them.
 */
export async function signUpInBrowser(
  page: Page,
  deps: TestDeps,
  input: { email: string; password: string },
): Promise<{ username: string; recoveryCode: string }> {
  const before = mailsFor(deps, input.email)
  await page.goto('/signup')
  await waitForHydration(page)
  await page.locator('input[name=kind][value=registered]').check()
  await page.locator('input[name=email]').fill(input.email)
  await page.locator('input[name=password]').fill(input.password)
  await page.locator('input[name=consent]').check()
  await page.locator('input[name=age]').check()
  await page.locator('input[name=terms]').check()
  await page.locator('form button[type=submit]').last().click()
  await page.getByTestId('check-email').waitFor()
  await deliverSignUpEmails(deps)
  const path = confirmationPath(await mailFor(deps, input.email, before))
  if (!path) throw new Error('the email has no confirmation link')
  await page.goto(path)
  await waitForHydration(page)
  await page.locator('form button[type=submit]').last().click()
  await page.getByTestId('recovery-code').waitFor()
  const username = (await page.getByTestId('username').textContent())!.trim()
  const recoveryCode = (await page.getByTestId('recovery-code').textContent())!.trim()
  return { username, recoveryCode }
}
