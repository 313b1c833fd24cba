/**
 * A real browser for end-to-end tests: Debian's chromium driven by playwright-core (no browser
 * download). Each simulated person gets a fresh context (own cookies, storage and history), and each
 * page records what a person would not see but a test must: CSP violations, page errors, console errors.
 */
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
]

/** The narrowest phone Holdspace supports. */
export const MOBILE_VIEWPORT = { width: 360, height: 740 } as const
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return
  await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))])
}

/** What a page reported while the test drove it. */
export interface PageLog {
  /** Console messages about Content Security Policy (a blocked script, style, connection...). */
  csp: string[]
  /** Uncaught exceptions in the page. */
  errors: string[]
  /** Every console message of type "error", for diagnostics. */
  consoleErrors: string[]
}

export interface UserSession {
  context: BrowserContext
  /** The first page of this user's context. */
  page: Page
  log: PageLog
  /** Another tab in the same context (same cookies), logged into the same PageLog. */
  newPage: () => Promise<Page>
  close: () => Promise<void>
}

/** Start recording CSP violations, page errors and console errors of one page into `log`. */
export function watchPage(page: Page, log: PageLog): Page {
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text()
    if (/Content[- ]Security[- ]Policy/i.test(text)) log.csp.push(`${page.url()}: ${text}`)
    if (message.type() === 'error') log.consoleErrors.push(`${page.url()}: ${text}`)
  })
  page.on('pageerror', (error) => log.errors.push(`${page.url()}: ${error.message}`))
  return page
}

/**
 * A fresh browser context for one person, with `baseURL` so `page.goto('/signup')` works.
 * The viewport defaults to the 360x740 phone size.
 */
export async function newUser(
  browser: Browser,
  options: { baseURL: string; viewport?: { width: number; height: number }; locale?: string },
): Promise<UserSession> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? MOBILE_VIEWPORT,
    locale: options.locale ?? 'en-GB',
    serviceWorkers: 'block',
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(20_000)
  const log: PageLog = { csp: [], errors: [], consoleErrors: [] }
  const page = watchPage(await context.newPage(), log)
  return {
    context,
    page,
    log,
    newPage: async () => watchPage(await context.newPage(), log),
    close: () => context.close(),
  }
}

/** Put a signed-in session (the token from `makeAccount` or `signUp`) into this person's browser. */
export async function signInWith(user: UserSession, baseURL: string, sessionToken: string): Promise<void> {
  await user.context.addCookies([
    { name: 'hs_session', value: sessionToken, url: baseURL, httpOnly: true, sameSite: 'Lax' },
  ])
}

/**
 * Resolves once React has hydrated the document (its fiber is attached to the DOM), so clicks are
 * handled by the app rather than by plain HTML.
 */
export async function waitForHydration(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('main') ?? document.body
      return Object.keys(el).some((key) => key.startsWith('__reactFiber$'))
    },
    undefined,
    { timeout },
  )
}

/** The page's layout width against the viewport: a page that scrolls sideways has scrollWidth > viewport. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; viewportWidth: number; overflows: boolean }> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth
    const viewportWidth = window.innerWidth
    return { scrollWidth, viewportWidth, overflows: scrollWidth > viewportWidth }
  })
}

/**
 * Resolves once the Remix client router has nothing in flight (no navigation, no revalidation, no
 * fetcher) and stays so for `quietMs`: what the page shows then is what a person is left looking at,
 * not a frame on the way to a redirect.
 */
export async function waitForRouterIdle(page: Page, quietMs = 400, timeout = 15_000): Promise<void> {
  const idle = () =>
    page.waitForFunction(
      () => {
        const router = (
          window as unknown as {
            __remixRouter?: {
              state: { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> }
            }
          }
        ).__remixRouter
        if (!router) return false
        const { navigation, revalidation, fetchers } = router.state
        return (
          navigation.state === 'idle' &&
          revalidation === 'idle' &&
          [...fetchers.values()].every((f) => f.state === 'idle')
        )
      },
      undefined,
      { timeout },
    )
  await idle()
  await page.waitForTimeout(quietMs)
  await idle()
}

/**
 * On a phone the header's links, language switch and "Sign out" sit behind its menu button (a <details>, issue 18):
 * open it, with or without JavaScript. On a desktop they are in the row already and this does nothing.
 */
export async function openSiteMenu(page: Page): Promise<void> {
  const button = page.locator('header .site-menu-button')
  if (!(await button.isVisible())) return
  if (await page.getByTestId('site-menu').evaluate((el) => (el as HTMLDetailsElement).open)) return
  await button.click()
}
