/**
 * The room list's cards, kept as HTML on the server (decision 056). Rendering 160 cards with React was half the CPU
 * of a signed-in /rooms page, and almost every card is the same from one page to the next (nobody here, no opening
 * hours). A card's HTML is rendered once by React from the same component the browser renders (RoomCard) and kept
 * under a key made of everything it shows; a card whose data changed has a new key and is rendered afresh, so a page
 * never shows stale counts, titles or hours. The only difference from React rendering the card in place is the
 * link: Remix's <Link> needs the router, so the kept card uses a plain anchor with Link's markup
 * (tests/e2e/room-list-cards.test.ts compares the kept markup with what the browser renders).
 */
import { renderToString } from 'react-dom/server'
import type { ReactNode } from 'react'
import type { Locale } from '../i18n/i18n'
import { keptRoomCards, RoomCard, type RoomCardData } from '../components/rooms/room-card'

/** Remix's <Link to> for an address inside the app, as it renders on the server: `data-discover` (lazy route discovery). */
export function StaticLink({ to, children, ...rest }: { to: string; 'aria-label': string; children: ReactNode }) {
  return (
    <a {...rest} data-discover="true" href={to}>
      {children}
    </a>
  )
}

/** At most this many kept cards per process; past it the cache starts over (distinct counts, hours, zones). */
export const MAX_KEPT_CARDS = 4_000

const kept = new Map<string, string>()

/**
 * Everything a card shows, joined by NUL: PostgreSQL text never holds a NUL, so two different cards cannot share a
 * key. The reader's zone matters only for a closed room's next opening.
 */
function cardKey(card: RoomCardData, locale: Locale, zone: string): string {
  const { room, hours } = card
  const shown = hours?.scheduled ? `${hours.open ? 1 : 0}\0${hours.nextOpening ?? ''}\0${hours.open ? '' : zone}` : ''
  return `${locale}\0${room.id}\0${room.slug}\0${room.language}\0${card.count}\0${card.facilitatorHere ? 1 : 0}\0${shown}\0${room.title}\0${room.description}`
}

/**
 * The last list sent per language, as one string: most pages show exactly the same cards as the page before, and
 * React encodes a flat string to UTF-8 about twice as fast as one made of 160 joined pieces.
 */
const lastLists = new Map<Locale, { parts: string[]; html: string }>()

export function roomCardsHtml(cards: readonly RoomCardData[], locale: Locale, zone: string): string {
  const parts: string[] = []
  for (const card of cards) {
    const key = cardKey(card, locale, zone)
    let one = kept.get(key)
    if (one === undefined) {
      one = renderToString(<RoomCard {...card} locale={locale} zone={zone} Anchor={StaticLink} />)
      if (kept.size >= MAX_KEPT_CARDS) kept.clear()
      kept.set(key, one)
    }
    parts.push(one)
  }
  const last = lastLists.get(locale)
  if (last && last.parts.length === parts.length && last.parts.every((part, i) => part === parts[i])) return last.html
  const html = parts.join('')
  lastLists.set(locale, { parts, html })
  return html
}

keptRoomCards.html = roomCardsHtml
