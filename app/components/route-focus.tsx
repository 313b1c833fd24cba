import { useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * After a page change in the browser (Remix's client navigation), focus moves to the new page's <h1>, so a screen
 * reader announces the page, as a full page load would. A page that put focus into a field itself keeps it; the
 * first load is left to the browser.
 */
export function FocusHeadingOnNavigation() {
  const { pathname } = useLocation()
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    const active = document.activeElement
    if (
      active instanceof HTMLElement &&
      active.closest('main') &&
      active.matches('input, textarea, select, [contenteditable]')
    )
      return
    const heading = document.querySelector<HTMLElement>('main h1')
    if (!heading) return
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
    heading.focus()
  }, [pathname])
  return null
}
