import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { appealFormSchema, moderation } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { useReader } from '../utils/time'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import styles from '../styles/moderation.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Appeals · Holdspace' }]

/** The member's own mutes, bans and removed messages within the appeal window, with each appeal's outcome. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { items: await moderation.listAppealables(context.deps, account.accountId) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(appealFormSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const once = await createOnce(context, account.accountId, 'appeal', form, () =>
      moderation.fileAppeal(context.deps, account.accountId, parsed.data),
    )
    if ('resent' in once) return formResent()
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Appeals() {
  const t = useT()
  const reader = useReader()
  const { items } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  return (
    <>
      <h1>{t('mod.appeals.title')}</h1>
      <p>{t('mod.appeals.intro')}</p>
      <FormError
        code={result && !result.ok ? (result.formError ?? Object.values(result.fieldErrors ?? {})[0]) : undefined}
      />
      {result?.ok ? (
        <p className="notice" role="status">
          {t('mod.appeals.sent')}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('mod.appeals.none')}</p> : null}
      <ul className="appeal-list">
        {items.map((item) => (
          <li key={item.sanctionId ?? item.messageId} className="card" data-testid="appealable">
            <h2>{t(item.kind === 'removal' ? 'mod.kind.removal' : `mod.kind.${item.kind}`)}</h2>
            <p>
              {t('mod.appeals.in', { room: item.roomTitle, name: item.pseudonym })} ·{' '}
              {reader.dateTime(item.at, { year: false })}
              {item.until
                ? ` · ${t('mod.appeals.until', { until: reader.dateTime(item.until, { year: false }) })}`
                : ''}
            </p>
            {item.reason ? <p>{item.reason}</p> : null}
            {item.appeal ? (
              <p className="notice" role="status" data-testid="appeal-outcome">
                {t(
                  item.appeal.status === 'pending'
                    ? 'mod.appeals.pending'
                    : item.appeal.status === 'upheld'
                      ? 'mod.appeals.upheld'
                      : 'mod.appeals.overturned',
                )}
                {item.appeal.note ? ` — ${item.appeal.note}` : ''}
              </p>
            ) : null}
            {item.canAppeal ? <AppealForm sanctionId={item.sanctionId} messageId={item.messageId} /> : null}
          </li>
        ))}
      </ul>
    </>
  )
}

function AppealForm({ sanctionId, messageId }: { sanctionId: string | null; messageId: string | null }) {
  const t = useT()
  const id = useId()
  return (
    <SafeForm>
      {sanctionId ? <input type="hidden" name="sanctionId" value={sanctionId} /> : null}
      {messageId ? <input type="hidden" name="messageId" value={messageId} /> : null}
      <div className="field">
        <label htmlFor={id}>{t('mod.appeals.body')}</label>
        <textarea id={id} name="body" maxLength={1000} rows={3} required />
      </div>
      <SubmitButton>{t('mod.appeals.send')}</SubmitButton>
    </SafeForm>
  )
}
