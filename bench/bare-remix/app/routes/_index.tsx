import { useLoaderData } from '@remix-run/react'

// As many rooms as the platform's /rooms lists in the same run (BARE_ROOMS, given by bench/scenarios/pages.ts), so
// both pages render the same number of cards.
const ROOMS = Array.from({ length: Number(process.env.BARE_ROOMS ?? 10) }, (_, i) => ({
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
