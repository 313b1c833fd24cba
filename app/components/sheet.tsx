import { useEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/** Where sheets are rendered: an empty element at the end of <body> (app/root.tsx), outside every scrolling list. */
export const SHEET_HOST_ID = 'sheet-host'

/**
 * A small dialog (report a message, a moderation action) that opens as a full-width sheet at the bottom of a phone
 * screen and as a centred panel on a desktop (app.css `.sheet`). It is rendered into the sheet host, so a scrolling
 * message list cannot clip it. It is not modal: the header's Quick exit and help stay reachable above it.
 * Focus moves into it when it opens.
 */
export function Sheet({ labelledBy, children, testId }: { labelledBy: string; children: ReactNode; testId?: string }) {
  const [host, setHost] = useState<HTMLElement | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => setHost(document.getElementById(SHEET_HOST_ID)), [])
  useEffect(() => {
    if (!host) return
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
  }, [host])
  if (!host) return null
  return createPortal(
    <div className="sheet" role="dialog" aria-labelledby={labelledBy} ref={ref} data-testid={testId}>
      {children}
    </div>,
    host,
  )
}
