import type { LoaderFunctionArgs } from '@remix-run/node'
import { selfcare } from '../services.server'

/** Whether the daily check-in reminder is due now, for the home page's quiet note. Signed-out visitors: never. */
export async function loader({ context }: LoaderFunctionArgs) {
  const due = context.account ? (await selfcare.getMoodReminder(context.deps, context.account)).due : false
  return Response.json({ due }, { headers: { 'Cache-Control': 'no-store' } })
}
