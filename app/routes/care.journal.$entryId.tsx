import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { selfcare, selfcareForms } from '../services.server'
import { SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { JournalEntryForm } from '../components/selfcare/journal-form'
import { requireUser } from '../utils/auth.server'
import { afterSaving, noticeFrom, rethrowNotFound } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const entry = await selfcare.getJournalEntry(context.deps, account, params.entryId ?? '').catch(rethrowNotFound)
  return { entry, done: noticeFrom(request) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['save', 'delete']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  const entryId = params.entryId ?? ''
  try {
    if (intent.data === 'delete') {
      await selfcare.deleteJournalEntry(context.deps, account, entryId)
      return redirect('/care/journal?done=deleted')
    }
    const parsed = parseForm(selfcareForms.journalEntrySchema, form)
    if ('errors' in parsed) return formFailure(parsed.errors)
    const saved = await selfcare.updateJournalEntry(context.deps, account, entryId, parsed.data)
    return afterSaving('journal', saved, `/care/journal/${saved.id}?done=entry`)
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function JournalEntry() {
  const t = useT()
  const { entry, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack to="/care/journal" label={t('care.journal.title')} />
      <CareNotice done={done} />
      <article className="card journal-entry">
        <h1>{entry.title ?? t('care.journal.untitled')}</h1>
        <p className="help">
          <time dateTime={entry.createdAt}>{t('care.journal.written', { date: entry.dateLabel })}</time>
          {entry.updatedAt !== entry.createdAt ? ` · ${t('care.journal.edited')}` : null}
        </p>
        <div className="care-text">{entry.body}</div>
      </article>
      <details className="card" open={Boolean(failed)}>
        <summary>{t('care.journal.edit')}</summary>
        <JournalEntryForm entry={entry} errors={failed} submitLabel={t('care.journal.saveChanges')} />
      </details>
      <details className="card danger-zone">
        <summary>{t('care.journal.deleteConfirm')}</summary>
        <p className="help">{t('care.journal.deleteHelp')}</p>
        <SafeForm>
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton className="button danger">{t('care.journal.delete')}</SubmitButton>
        </SafeForm>
      </details>
    </div>
  )
}
