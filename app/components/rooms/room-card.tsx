import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDateTime } from '../../utils/time'
import { translate, type Locale } from '../../i18n/i18n'

export interface RoomCardData {
  room: { id: string; slug: string; title: string; description: string; language: 'en' | 'pl' }
  /** Members here now (presence) and whether a facilitator is among them. */
  count: number
  facilitatorHere: boolean
  /** Opening hours, only for a room that has them (decision 043). */
  hours: { open: boolean; scheduled: boolean; nextOpening: string | null } | undefined
}

export type RoomCardAnchor = (props: { to: string; 'aria-label': string; children: ReactNode }) => ReactNode

/**
 * One card of the room list. Its markup depends only on its props (no hooks), so the server can keep the HTML of a
 * card whose data did not change and send it again (app/utils/room-cards.server.tsx, decision 056); in the browser it
 * renders as any component does, and hydrates against the kept HTML because that HTML is this component's own.
 */
export function RoomCard({
  room,
  count,
  facilitatorHere,
  hours,
  locale,
  zone,
  Anchor = Link,
}: RoomCardData & { locale: Locale; zone: string; Anchor?: RoomCardAnchor }) {
  return (
    <li className="card room-card" lang={room.language} data-room={room.slug}>
      <h2>
        <Anchor to={`/rooms/${room.slug}`} aria-label={translate(locale, 'rooms.enter', { title: room.title })}>
          {room.title}
        </Anchor>
      </h2>
      <p>{room.description}</p>
      <p className="room-meta" lang={locale}>
        <span className="room-language">
          {translate(locale, room.language === 'pl' ? 'rooms.language.pl' : 'rooms.language.en')}
        </span>
        <span className="room-count" data-testid={`count-${room.slug}`}>
          {translate(locale, 'rooms.here', { count })}
        </span>
        {hours?.scheduled ? (
          <span className={hours.open ? 'room-hours open' : 'room-hours closed'} data-testid={`hours-${room.slug}`}>
            {hours.open ? translate(locale, 'roomhours.openNow') : translate(locale, 'roomhours.closedNow')}
            {!hours.open && hours.nextOpening ? (
              <>
                {' '}
                · {translate(locale, 'roomhours.opens')}{' '}
                {/* As <Time> renders it (app/components/time.tsx), in the reader's language and zone. */}
                <time dateTime={hours.nextOpening} suppressHydrationWarning>
                  {formatDateTime(hours.nextOpening, { locale, zone })}
                </time>
              </>
            ) : null}
          </span>
        ) : null}
        {facilitatorHere ? (
          <span className="badge facilitator" data-testid={`facilitator-${room.slug}`}>
            {translate(locale, 'rooms.facilitatorHere')}
          </span>
        ) : null}
      </p>
    </li>
  )
}

/**
 * Set on the server only (by app/utils/room-cards.server.tsx when the server build loads it): the list's cards as
 * HTML, each kept while its data is unchanged. Null in the browser, where the cards render as components.
 */
export const keptRoomCards: {
  html: ((cards: readonly RoomCardData[], locale: Locale, zone: string) => string) | null
} = { html: null }

/** The room list: kept card HTML on the server (decision 056), components in the browser; the same markup. */
export function RoomCardList({
  cards,
  locale,
  zone,
  label,
}: {
  cards: readonly RoomCardData[]
  locale: Locale
  zone: string
  label: string
}) {
  const kept = keptRoomCards.html
  if (kept)
    return (
      <ul
        className="grid room-list"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: kept(cards, locale, zone) }}
      />
    )
  return (
    <ul className="grid room-list" aria-label={label}>
      {cards.map((card) => (
        <RoomCard key={card.room.slug} {...card} locale={locale} zone={zone} />
      ))}
    </ul>
  )
}
