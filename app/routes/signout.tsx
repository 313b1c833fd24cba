import { signOut } from '../services.server'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { clearSessionCookie } from '../utils/auth.server'
import { readFormWithCsrf } from '../utils/forms.server'

export async function loader() {
  return redirect('/')
}

/** Revokes this session everywhere (its open sockets close too) and clears the cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readFormWithCsrf(request, context)
  if (context.account) await signOut(context.deps, context.account.sessionId)
  return redirect('/', { headers: { 'Set-Cookie': clearSessionCookie(context) } })
}
