import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  AppError,
  HELP_RAISE_DEADLINE_MS,
  crisisChatSchema,
  crisisLinesFor,
  getMemberCrisis,
  keepHelpPress,
  requestHelpNow,
  sendCrisisChat,
  withDeadline,
} from '../services.server'
import { FormError, SafeForm } from '../components/forms'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { CrisisChat } from '../components/crisis/crisis-chat'
import { useCrisisLive } from '../components/crisis/use-crisis-live'
import { requireUser, sessionToken } from '../utils/auth.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/**
 * Crisis lines are shown to anyone, signed in or not, from static data: this page answers even when PostgreSQL
 * does not (decision 019). Raising an incident needs an account, or a session cookie we could not check just now.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = context.account
  const country = getCountry(request, context)
  let degraded = context.sessionUnavailable
  const crisis = account
    ? await withDeadline(getMemberCrisis(context.deps, account.accountId), HELP_RAISE_DEADLINE_MS).catch(() => {
        degraded = true
        return null
      })
    : null
  return {
    lines: { country, ...crisisLinesFor(country) },
    crisis,
    signedIn: Boolean(account) || context.sessionUnavailable,
    degraded,
  }
}

/**
 * The press could not be raised now (the database is down or paused): keep it to be raised when the database
 * returns, and tell the member honestly, with the lines (202 when kept, 503 when even that failed).
 */
async function keepPress(request: Request, context: ActionFunctionArgs['context'], country: string | null) {
  const token = sessionToken(request)
  const kept = context.account
    ? await keepHelpPress(context.deps, { accountId: context.account.accountId, country })
    : token
      ? await keepHelpPress(context.deps, { sessionToken: token, country })
      : false
  return data({ ok: false as const, kept }, { status: kept ? 202 : 503 })
}

/** "I need help now" (raise, then the page shows the card at once) and the member's side of the private chat. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['help', 'chat']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  const country = getCountry(request, context)
  if (intent.data === 'help' && !context.account && context.sessionUnavailable)
    return keepPress(request, context, country)
  const account = requireUser(context, request)
  try {
    if (intent.data === 'help') {
      try {
        const card = await withDeadline(
          requestHelpNow(context.deps, { memberAccountId: account.accountId, country }),
          HELP_RAISE_DEADLINE_MS,
        )
        return data({ ok: true as const, incidentId: card.incidentId })
      } catch (error) {
        // A coded refusal is an answer; anything else (no database, no answer in time) must not lose the press.
        if (error instanceof AppError) throw error
        context.deps.log.warn({ err: { message: (error as Error)?.message } }, 'help press not raised now')
        return keepPress(request, context, country)
      }
    }
    const parsed = parseForm(crisisChatSchema, form)
    if ('errors' in parsed) return formFailure(parsed.errors)
    const crisis = await getMemberCrisis(context.deps, account.accountId)
    if (!crisis) return formFailure({ ok: false, formError: 'NOT_FOUND' }, 404)
    await sendCrisisChat(
      context.deps,
      { accountId: account.accountId, role: account.role },
      crisis.incidentId,
      parsed.data.body,
    )
    return data({ ok: true as const, incidentId: crisis.incidentId })
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Help() {
  const t = useT()
  const { lines, crisis, signedIn, degraded } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | { ok: false; kept: boolean } | FormResult | undefined
  const kept = result && 'kept' in result ? result.kept : null
  useCrisisLive(['crisis:status', 'crisis:message'], undefined, signedIn)
  const active = crisis && crisis.status !== 'resolved'
  return (
    <>
      <h1>{t('crisis.page.title')}</h1>
      <FormError code={result && !result.ok && 'formError' in result ? result.formError : undefined} />
      {kept !== null ? (
        <p className="notice crisis-status" role="alert" data-testid="help-kept" data-kept={String(kept)}>
          {t(kept ? 'crisis.degraded.kept' : 'crisis.degraded.notKept')}
        </p>
      ) : degraded ? (
        <p className="notice" role="status" data-testid="help-degraded">
          {t('crisis.degraded.notice')}
        </p>
      ) : null}
      <p className="emergency">{t('crisis.page.intro')}</p>
      {crisis ? (
        <p
          className="notice crisis-status"
          role="status"
          aria-live="polite"
          data-testid="crisis-status"
          data-status={crisis.status}
        >
          {t(`crisis.status.${crisis.status}`)}
        </p>
      ) : null}
      {signedIn && !active && !kept ? (
        <SafeForm>
          <p>{t('crisis.page.ask')}</p>
          <input type="hidden" name="intent" value="help" />
          <button type="submit" className="button primary">
            {t('crisis.helpButton')}
          </button>
        </SafeForm>
      ) : null}
      <CrisisCard lines={lines} />
      {crisis ? <CrisisChat messages={crisis.chat} viewer="member" disabled={!active} /> : null}
    </>
  )
}
