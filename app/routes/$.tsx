/** Any address no other route matches: a plain 404 handled by the root error boundary. */
export async function loader() {
  throw new Response('Not Found', { status: 404 })
}

export default function NotFound() {
  return null
}
