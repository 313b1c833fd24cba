import type { LoaderFunctionArgs } from '@remix-run/node'
import { listRooms } from '../services.server'
import { useLoaderData } from '@remix-run/react'
import { useT } from '../components/i18n'
import { requireUser } from '../utils/auth.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request)
  return { rooms: await listRooms(context.deps.sql) }
}

export default function Rooms() {
  const t = useT()
  const { rooms } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('nav.rooms')}</h1>
      <ul className="grid" aria-label={t('nav.rooms')}>
        {rooms.map((room) => (
          <li key={room.slug} className="card" lang={room.language}>
            <h2>{room.title}</h2>
            <p>{room.description}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
