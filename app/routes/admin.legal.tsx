import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getLegalPage, LEGAL_KINDS, LEGAL_LOCALES, saveLegalPage } from '../services.server'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, readFormWithCsrf, type FormResult } from '../utils/forms.server'

export const meta: MetaFunction = () => [{ title: 'Privacy notice and terms · Holdspace' }]

/** An admin edits the privacy notice and terms in each language (issue 18); each save is a new version, audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUserWithCapability(context, request, 'admin:operate')
  const pages = []
  for (const kind of LEGAL_KINDS)
    for (const locale of LEGAL_LOCALES) pages.push(await getLegalPage(context.deps, kind, locale))
  return { pages }
}

type Saved = { ok: true; kind: string; locale: string; version: number }

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'admin:operate')
  const form = await readFormWithCsrf(request, context)
  const kind = String(form.get('kind') ?? '')
  const locale = String(form.get('locale') ?? '')
  try {
    const { version } = await saveLegalPage(context.deps, account, {
      kind,
      locale,
      body: String(form.get('body') ?? ''),
    })
    return { ok: true, kind, locale, version } satisfies Saved
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function AdminLegal() {
  const t = useT()
  const { pages } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Saved | FormResult | undefined
  return (
    <>
      <h1>{t('legal.admin.title')}</h1>
      <p>{t('legal.admin.intro')}</p>
      <FormError code={result && !result.ok ? result.formError : undefined} />
      {result && !result.ok && result.fieldErrors?.body ? (
        <p className="field-error" role="alert">
          {t.error(result.fieldErrors.body)}
        </p>
      ) : null}
      {result?.ok ? <p role="status">{t('legal.admin.saved', { version: result.version })}</p> : null}
      {pages.map((page) => (
        <section key={`${page.kind}-${page.locale}`} className="card" data-legal={`${page.kind}-${page.locale}`}>
          <h2>
            {t(page.kind === 'privacy' ? 'legal.privacy.title' : 'legal.terms.title')} ({page.locale.toUpperCase()}) ·{' '}
            {t('legal.version', { version: page.version })}
          </h2>
          {page.updatedAt ? null : <p className="help">{t('legal.admin.default')}</p>}
          <SafeForm>
            <input type="hidden" name="kind" value={page.kind} />
            <input type="hidden" name="locale" value={page.locale} />
            <TextAreaField
              label={t('legal.admin.body')}
              name="body"
              defaultValue={page.body}
              rows={16}
              required
              maxLength={50_000}
            />
            <SubmitButton className="button small">{t('legal.admin.save')}</SubmitButton>
          </SafeForm>
          <p>
            <a href={`/${page.kind}`}>{t('legal.admin.view')}</a>
          </p>
        </section>
      ))}
    </>
  )
}
