import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { selfcare, selfcareForms } from '../services.server'
import { useT } from '../components/i18n'
import { CareBack } from '../components/selfcare/care-parts'
import { JournalEntryForm } from '../components/selfcare/journal-form'
import { requireUser } from '../utils/auth.server'
import { afterSaving } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(selfcareForms.journalEntrySchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const once = await createOnce(context, account.accountId, 'journal:new', form, () =>
      selfcare.writeJournalEntry(context.deps, account, parsed.data),
    )
    if ('resent' in once) return formResent()
    const saved = once.created
    return afterSaving('journal', saved, `/care/journal/${saved.id}?done=entry`)
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function NewJournalEntry() {
  const t = useT()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack to="/care/journal" label={t('care.journal.title')} />
      <h1>{t('care.journal.new')}</h1>
      <JournalEntryForm errors={failed} submitLabel={t('care.journal.save')} />
    </div>
  )
}
