import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportAccountData } from '../services.server'
import { requireUser } from '../utils/auth.server'

/** "Export my data": everything held about the account, as a JSON download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const body = JSON.stringify(await exportAccountData(context.deps, account.accountId), null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="holdspace-export.json"',
      'Cache-Control': 'no-store',
    },
  })
}
