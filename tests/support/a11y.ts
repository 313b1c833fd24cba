import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface A11yViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs the axe-core accessibility check (WCAG 2.1 A and AA rules) on the page as it is now. axe is injected
 * through the DevTools protocol, which the page's Content-Security-Policy does not govern, so the check
 * runs against the real, CSP-protected page.
 */
export async function accessibilityViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const result = (await page.evaluate(`window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`)) as A11yViolation[]
  return result
}

/** One line per violation, for a readable assertion message. */
export function describeViolations(url: string, violations: A11yViolation[]): string {
  return violations
    .map((v) => `${url}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`)
    .join('\n')
}
