import { useLoaderData } from '@remix-run/react'

const ROOMS = Array.from({ length: 10 }, (_, i) => ({
  slug: `room-${i}`,
  title: `Room ${i}`,
  description: 'A topic room.',
}))

export async function loader() {
  return { rooms: ROOMS }
}

export default function Index() {
  const { rooms } = useLoaderData<typeof loader>()
  return (
    <ul>
      {rooms.map((r) => (
        <li key={r.slug}>
          <h2>{r.title}</h2>
          <p>{r.description}</p>
        </li>
      ))}
    </ul>
  )
}
