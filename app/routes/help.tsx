import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { crisisChatSchema, crisisLinesFor, getMemberCrisis, requestHelpNow, sendCrisisChat } from '../services.server'
import { FormError, SafeForm } from '../components/forms'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { CrisisChat } from '../components/crisis/crisis-chat'
import { useCrisisLive } from '../components/crisis/use-crisis-live'
import { requireUser } from '../utils/auth.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** Crisis lines are shown to anyone, signed in or not; raising an incident needs an account. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = context.account
  const country = getCountry(request, context)
  const crisis = account ? await getMemberCrisis(context.deps, account.accountId) : null
  return { lines: { country, ...crisisLinesFor(country) }, crisis, signedIn: Boolean(account) }
}

/** "I need help now" (raise, then the page shows the card at once) and the member's side of the private chat. */
export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['help', 'chat']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    if (intent.data === 'help') {
      const country = getCountry(request, context)
      const card = await requestHelpNow(context.deps, { memberAccountId: account.accountId, country })
      return data({ ok: true as const, incidentId: card.incidentId })
    }
    const parsed = parseForm(crisisChatSchema, form)
    if ('errors' in parsed) return formFailure(parsed.errors)
    const crisis = await getMemberCrisis(context.deps, account.accountId)
    if (!crisis) return formFailure({ ok: false, formError: 'NOT_FOUND' }, 404)
    await sendCrisisChat(context.deps, { accountId: account.accountId, role: account.role }, crisis.incidentId, parsed.data.body)
    return data({ ok: true as const, incidentId: crisis.incidentId })
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Help() {
  const t = useT()
  const { lines, crisis, signedIn } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  useCrisisLive(['crisis:status', 'crisis:message'], undefined, signedIn)
  const active = crisis && crisis.status !== 'resolved'
  return (
    <>
      <h1>{t('crisis.page.title')}</h1>
      <FormError code={result && !result.ok ? result.formError : undefined} />
      <p className="emergency">{t('crisis.page.intro')}</p>
      {crisis ? (
        <p className="notice crisis-status" role="status" aria-live="polite" data-testid="crisis-status" data-status={crisis.status}>
          {t(`crisis.status.${crisis.status}`)}
        </p>
      ) : null}
      {signedIn && !active ? (
        <SafeForm>
          <p>{t('crisis.page.ask')}</p>
          <input type="hidden" name="intent" value="help" />
          <button type="submit" className="button primary">{t('crisis.helpButton')}</button>
        </SafeForm>
      ) : null}
      <CrisisCard lines={lines} />
      {crisis ? <CrisisChat messages={crisis.chat} viewer="member" disabled={!active} /> : null}
    </>
  )
}
