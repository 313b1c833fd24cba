import { Fragment } from 'react'

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi
const TRAILING = /[.,;:!?)\]}'"]+$/

/**
 * A message as plain text: React escapes it, so nothing in it is ever HTML. Web addresses become
 * links that open in a new tab without a referrer; nothing is fetched to preview them.
 */
export function MessageText({ text }: { text: string }) {
  const parts: Array<{ text: string; href?: string }> = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0]
    const href = raw.replace(TRAILING, '')
    const start = match.index ?? 0
    if (start > last) parts.push({ text: text.slice(last, start) })
    parts.push({ text: href, href })
    last = start + href.length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return (
    <>
      {parts.map((part, n) =>
        part.href ? (
          <a key={n} href={part.href} rel="noopener noreferrer nofollow" target="_blank" referrerPolicy="no-referrer">
            {part.text}
          </a>
        ) : (
          <Fragment key={n}>{part.text}</Fragment>
        ),
      )}
    </>
  )
}
