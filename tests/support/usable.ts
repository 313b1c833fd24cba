import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { accessibilityViolations, describeViolations } from './a11y.js'
import { MOBILE_VIEWPORT, horizontalOverflow, waitForHydration } from './browser.js'

/** What a person on a 360 px phone with assistive technology meets: no sideways scroll, no WCAG 2.1 AA violation. */
export async function expectUsableOnPhone(page: Page, label: string): Promise<void> {
  const { scrollWidth } = await horizontalOverflow(page)
  // Name what sticks out, so a failure says where to look.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  )
  expect(scrollWidth, `${label}: page width (wide: ${wide.join(', ')})`).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
  const violations = await accessibilityViolations(page)
  expect(violations, describeViolations(`${label} ${page.url()}`, violations)).toEqual([])
}

/** Go to `path`, expect the page itself to load (200), and wait until React has hydrated it. */
export async function openPage(page: Page, path: string, hydrationTimeout = 30_000): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status(), `GET ${path}`).toBe(200)
  await waitForHydration(page, hydrationTimeout)
}
