import { useEffect } from 'react'
import { useRootData, useT } from './i18n'

/**
 * Leave at once: blank the page, overwrite this tab's history entry with a neutral address, and
 * replace the page with a neutral site (so Back does not return here). Esc does the same.
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

export function QuickExit() {
  const { quickExitUrl } = useRootData()
  const t = useT()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) leaveNow(quickExitUrl)
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
