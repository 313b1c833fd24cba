import { it } from 'vitest'
import { createTestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { launchBrowser, newUser, waitForHydration } from '../support/browser.js'

it('debug', async () => {
  const deps = await createTestDeps()
  const server = await startTestServer(deps)
  const browser = await launchBrowser()
  const u = await newUser(browser, { baseURL: server.baseUrl })
  const p = u.page
  await p.goto('/signup'); await waitForHydration(p)
  await p.getByLabel('Password (at least 10 characters)').fill('a long password here')
  await p.getByRole('checkbox').check()
  await p.getByRole('button', { name: 'Create my account' }).click()
  await p.getByTestId('username').waitFor()
  for (const lang of ['en', 'pl']) {
    await u.context.addCookies([{ name: 'hs_lang', value: lang, url: server.baseUrl }])
    for (const path of ['/', '/account', '/rooms']) {
      await p.goto(path); await waitForHydration(p)
      const wide = await p.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 360).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent ?? '').slice(0, 40)}`))
      console.log(lang, path, await p.evaluate(() => document.documentElement.scrollWidth), wide.slice(0, 12))
      await p.screenshot({ path: `/tmp/hs-e2e/${lang}${path.replace(/\//g, '_')}.png`, fullPage: false })
    }
  }
  await browser.close(); await server.close(); await deps.close()
}, 60000)
