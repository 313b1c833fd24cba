import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { cachedTopicRooms, roomListActivity, roomOpenings } from '../services.server'
import { useT } from '../components/i18n'
import { Time } from '../components/time'
import { useRoomActivity } from '../components/chat/use-room-activity'
import { requireUser } from '../utils/auth.server'
import chatStyles from '../styles/chat.css'
import roomHoursStyles from '../styles/roomhours.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chatStyles },
  { rel: 'stylesheet', href: roomHoursStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request)
  // The topic rooms change only through the operator CLI: kept for a few seconds per server (decision 052).
  const rooms = await cachedTopicRooms(context.deps)
  const ids = rooms.map((r) => r.id)
  const [activity, openings] = await Promise.all([
    // Counts are a nicety: without Redis the list still loads, and the socket fills them in later. One Redis round
    // trip for every room's count (core/presence).
    roomListActivity(context.deps, ids).catch((): Awaited<ReturnType<typeof roomListActivity>> => []),
    // Which rooms are open now (opening hours, decision 043); a room without hours is always open.
    roomOpenings(context.deps, ids),
  ])
  // Only what differs from the defaults (nobody here, no opening hours) goes to the page: the list's data stays small
  // however many rooms there are (decision 052). The socket's `rooms:watch` answer brings every room's count anyway.
  const hours = Object.fromEntries(
    Object.entries(openings)
      .filter(([, o]) => o.scheduled)
      .map(([id, o]) => [
        id,
        { open: o.open, scheduled: o.scheduled, nextOpening: o.nextOpening?.toISOString() ?? null },
      ]),
  )
  return { rooms, activity: activity.filter((a) => a.count > 0 || a.facilitatorHere), hours }
}

export default function Rooms() {
  const t = useT()
  const { rooms, activity: initial, hours } = useLoaderData<typeof loader>()
  const activity = useRoomActivity(initial)
  return (
    <>
      <h1>{t('rooms.title')}</h1>
      <p>{t('rooms.intro')}</p>
      <ul className="grid room-list" aria-label={t('nav.rooms')}>
        {rooms.map((room) => {
          const live = activity[room.id]
          return (
            <li key={room.slug} className="card room-card" lang={room.language} data-room={room.slug}>
              <h2>
                <Link to={`/rooms/${room.slug}`} aria-label={t('rooms.enter', { title: room.title })}>
                  {room.title}
                </Link>
              </h2>
              <p>{room.description}</p>
              <p className="room-meta" lang={t.locale}>
                <span className="room-language">
                  {t(room.language === 'pl' ? 'rooms.language.pl' : 'rooms.language.en')}
                </span>
                <span className="room-count" data-testid={`count-${room.slug}`}>
                  {t('rooms.here', { count: live?.count ?? 0 })}
                </span>
                {hours[room.id]?.scheduled ? (
                  <span
                    className={hours[room.id]!.open ? 'room-hours open' : 'room-hours closed'}
                    data-testid={`hours-${room.slug}`}
                  >
                    {hours[room.id]!.open ? t('roomhours.openNow') : t('roomhours.closedNow')}
                    {!hours[room.id]!.open && hours[room.id]!.nextOpening ? (
                      <>
                        {' '}
                        · {t('roomhours.opens')} <Time at={hours[room.id]!.nextOpening!} />
                      </>
                    ) : null}
                  </span>
                ) : null}
                {live?.facilitatorHere ? (
                  <span className="badge facilitator" data-testid={`facilitator-${room.slug}`}>
                    {t('rooms.facilitatorHere')}
                  </span>
                ) : null}
              </p>
            </li>
          )
        })}
      </ul>
    </>
  )
}
