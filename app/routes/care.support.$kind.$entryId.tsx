import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { crisisLinesFor, selfcare, selfcareForms } from '../services.server'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { ClinicianQuestion, type ClinicianAnswer } from '../components/crisis/clinician-question'
import { CareBack } from '../components/selfcare/care-parts'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf } from '../utils/forms.server'
import crisisStyles from '../styles/crisis.css'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: crisisStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * Shown after a journal entry or mood check-in that read as crisis-level. The entry is already saved; nothing has
 * been sent to anyone. The member sees the crisis lines and is asked whether a clinician should contact them.
 */
function kindOf(value: string | undefined) {
  const kind = selfcareForms.ENTRY_KINDS.find((k) => k === value)
  if (!kind) throw new Response('Not found', { status: 404 })
  return kind
}

const entryPath = (kind: 'journal' | 'mood', id: string) => (kind === 'journal' ? `/care/journal/${id}` : '/care/mood')

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const kind = kindOf(params.kind)
  const prompt = await selfcare
    .getSupportPrompt(context.deps, account, kind, params.entryId ?? '')
    .catch(rethrowNotFound)
  if (!prompt.ask) throw redirect(entryPath(kind, prompt.entryId))
  const country = getCountry(request, context)
  return { prompt, lines: { country, ...crisisLinesFor(country) }, back: entryPath(kind, prompt.entryId) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const kind = kindOf(params.kind)
  const parsed = parseForm(selfcareForms.supportAnswerSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  if (parsed.data.answer === 'no') return { ok: true as const, answer: 'no' as const }
  try {
    const country = getCountry(request, context)
    await selfcare.requestClinicianContact(context.deps, account, {
      kind,
      entryId: params.entryId ?? '',
      message: parsed.data.message,
      country,
    })
    return { ok: true as const, answer: 'yes' as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function SupportQuestion() {
  const t = useT()
  const { prompt, lines, back } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ClinicianAnswer
  return (
    <div className="care care-support">
      <CareBack />
      <p className="notice" role="status">
        {t('care.support.saved')}
      </p>
      <h1>{t('care.support.title')}</h1>
      <p>{t('care.support.intro')}</p>
      <CrisisCard lines={lines} />
      <ClinicianQuestion result={result} alreadyRequested={prompt.alreadyRequested} continueTo={back} />
    </div>
  )
}
