import type { ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '../utils/auth.server'
import { receiveUpload } from '../utils/library.server'

/**
 * The upload endpoint the library pages' script posts to (XMLHttpRequest, for a progress bar): JSON in reply.
 * `?group=<id>` for a group's library, none for the public one. Without JavaScript the form posts to the page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request)
  const groupId = new URL(request.url).searchParams.get('group')
  const outcome = await receiveUpload(context, request, groupId ? { groupId } : { public: true })
  return Response.json(outcome.body, { status: outcome.status, headers: { 'Cache-Control': 'no-store' } })
}

export function loader() {
  return new Response('Not found', { status: 404 })
}
