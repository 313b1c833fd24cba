import { useEffect } from 'react'
import { useRootData, useT } from './i18n'

/**
 * Leave at once: blank the page, overwrite this tab's history entry with a neutral address, and
 * replace the page with a neutral site (so Back does not return here). Esc does the same outside text fields.
 * Without JavaScript it is still a plain link to the neutral site.
 */
export function leaveNow(url: string) {
  try {
    document.title = 'Weather'
    document.body.replaceChildren()
    sessionStorage.clear()
    history.replaceState(null, '', '/')
  } finally {
    window.location.replace(url)
  }
}

/**
 * Esc leaves only when the person is not typing: in a text field, a text area, a select or an editable region Esc
 * belongs to the field (clearing it, closing a picker), and leaving there by accident would lose what was written.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type)
  return false
}
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
  'hidden',
])

export function QuickExit() {
  const { quickExitUrl } = useRootData()
  const t = useT()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !isTypingTarget(event.target)) leaveNow(quickExitUrl)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [quickExitUrl])
  return (
    <a
      href={quickExitUrl}
      className="quick-exit"
      rel="noreferrer noopener"
      title={t('quickExit.hint')}
      aria-label={`${t('quickExit.button')}: ${t('quickExit.hint')}`}
      onClick={(event) => {
        event.preventDefault()
        leaveNow(quickExitUrl)
      }}
    >
      {t('quickExit.button')}
    </a>
  )
}
