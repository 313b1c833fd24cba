import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { cachedTopicRooms, roomListActivity, roomOpenings } from '../services.server'
import { useRootData, useT } from '../components/i18n'
import { useRoomActivity } from '../components/chat/use-room-activity'
import { RoomCardList } from '../components/rooms/room-card'
import { requireUser } from '../utils/auth.server'
// On the server only: the list's cards are kept as HTML while their data is unchanged (decision 056).
import '../utils/room-cards.server'
import chatStyles from '../styles/chat.css'
import roomHoursStyles from '../styles/roomhours.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chatStyles },
  { rel: 'stylesheet', href: roomHoursStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request)
  // The topic rooms change only through the operator CLI: kept for a few seconds per server (decision 052).
  const { rooms, scheduledIds } = await cachedTopicRooms(context.deps)
  const ids = rooms.map((r) => r.id)
  const [activity, openings] = await Promise.all([
    // Counts are a nicety: without Redis the list still loads, and the socket fills them in later. One Redis round
    // trip for every room's count (core/presence).
    roomListActivity(context.deps, ids).catch((): Awaited<ReturnType<typeof roomListActivity>> => []),
    // Which rooms are open now (opening hours, decision 043). Only a room with hours or cover can be closed, and the
    // kept list says which those are: no query at all when none has (decision 056).
    scheduledIds.length > 0
      ? roomOpenings(context.deps, scheduledIds)
      : ({} as Awaited<ReturnType<typeof roomOpenings>>),
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
  const { timeZone } = useRootData()
  const { rooms, activity: initial, hours } = useLoaderData<typeof loader>()
  const activity = useRoomActivity(initial)
  const cards = rooms.map((room) => ({
    room,
    count: activity[room.id]?.count ?? 0,
    facilitatorHere: activity[room.id]?.facilitatorHere ?? false,
    hours: hours[room.id],
  }))
  return (
    <>
      <h1>{t('rooms.title')}</h1>
      <p>{t('rooms.intro')}</p>
      <RoomCardList cards={cards} locale={t.locale} zone={timeZone} label={t('nav.rooms')} />
    </>
  )
}
