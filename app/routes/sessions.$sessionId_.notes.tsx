import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { sessionNotes, sessionNotesForms } from '../services.server'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { Time } from '../components/time'
import { requireUser } from '../utils/auth.server'
import { noticeFrom, rethrowNotFound } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/sessionnotes.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * Attendance and notes of one session, for its group's facilitators only (anyone else: the 404 of a session that
 * does not exist). Two plain forms, so both work without JavaScript. Opening notes is audited (core/sessionnotes).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const view = await sessionNotes.getSessionRecord(context.deps, account, params.sessionId ?? '').catch(rethrowNotFound)
  // The form's names come from core (.server code never reaches the browser bundle, so not through an import).
  const fields = {
    attendance: sessionNotesForms.ATTENDANCE_FIELD,
    memberNote: sessionNotesForms.MEMBER_NOTE_FIELD,
    sessionNote: sessionNotesForms.SESSION_NOTE_FIELD,
    maxChars: sessionNotesForms.NOTE_MAX_CHARS,
  }
  return { ...view, statuses: sessionNotesForms.ATTENDANCE_STATUSES, fields, done: noticeFrom(request) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const sessionId = params.sessionId ?? ''
  const intent = form.get('intent')
  try {
    if (intent === 'attendance') {
      const parsed = parseForm(sessionNotesForms.attendanceFormSchema, form)
      if ('errors' in parsed) return formFailure({ ...parsed.errors, intent: 'attendance' } as FormResult)
      await sessionNotes.saveAttendance(context.deps, account, sessionId, parsed.data).catch(rethrowNotFound)
    } else if (intent === 'notes') {
      const parsed = parseForm(sessionNotesForms.notesFormSchema, form)
      if ('errors' in parsed) return formFailure({ ...parsed.errors, intent: 'notes' } as FormResult)
      await sessionNotes.saveNotes(context.deps, account, sessionId, parsed.data).catch(rethrowNotFound)
    } else {
      return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
    }
  } catch (error) {
    if (error instanceof Response) throw error
    return failureFromError(context, error, request)
  }
  return redirect(`/sessions/${sessionId}/notes?done=${intent}`)
}

type Failure = (FormResult & { intent?: string }) | undefined

export default function SessionRecord() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as Failure
  const attendanceFailed = failed && failed.intent !== 'notes' ? failed : undefined
  const notesFailed = failed?.intent === 'notes' ? failed : undefined
  return (
    <>
      <p>
        <Link to={`/groups/${view.groupId}/sessions`}>← {t('sessionnotes.back')}</Link>
      </p>
      <h1>{t('sessionnotes.title')}</h1>
      <p>
        {view.groupTitle} · {t('sessionnotes.when')} <Time at={view.startsAt} year />
      </p>
      <p className="help">{t('sessionnotes.private')}</p>
      {view.done === 'attendance' || view.done === 'notes' ? (
        <p className="notice" role="status">
          {t(view.done === 'attendance' ? 'sessionnotes.attendance.done' : 'sessionnotes.notes.done')}
        </p>
      ) : null}
      {!view.open ? (
        <p className="notice">{t('sessionnotes.notYet')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="attendance-title">
            <h2 id="attendance-title">{t('sessionnotes.attendance.title')}</h2>
            <p className="help">
              {t(view.videoRecorded ? 'sessionnotes.attendance.fromVideo' : 'sessionnotes.attendance.noVideo')}
            </p>
            {view.attendanceSavedAt ? (
              <p className="help">
                {t('sessionnotes.attendance.savedAt')}: <Time at={view.attendanceSavedAt} />
              </p>
            ) : null}
            {view.members.length === 0 ? (
              <p>{t('sessionnotes.noMembers')}</p>
            ) : (
              <SafeForm data-testid="attendance-form">
                <input type="hidden" name="intent" value="attendance" />
                <FormError code={attendanceFailed?.formError} />
                {view.members.map((m) => {
                  const field = `${view.fields.attendance}${m.pseudonym}`
                  const error = attendanceFailed?.fieldErrors?.[field]
                  const errorId = `attendance-error-${m.pseudonym}`
                  return (
                    <fieldset
                      key={m.pseudonym}
                      className="attendance-member"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                    >
                      <legend>{m.pseudonym}</legend>
                      {m.joinedAt ? (
                        <p className="help">
                          {t('sessionnotes.attendance.joined')} <Time at={m.joinedAt} />{' '}
                          {t('sessionnotes.attendance.left')}{' '}
                          {m.leftAt ? <Time at={m.leftAt} /> : t('sessionnotes.attendance.stillIn')}
                        </p>
                      ) : null}
                      {m.source === 'video' ? <p className="help">{t('sessionnotes.attendance.suggested')}</p> : null}
                      <div className="attendance-choices">
                        {view.statuses.map((status) => (
                          <label key={status} className="attendance-choice">
                            <input
                              type="radio"
                              name={field}
                              value={status}
                              defaultChecked={m.status === status}
                              required
                            />
                            <span>{t(`sessionnotes.status.${status}`)}</span>
                          </label>
                        ))}
                      </div>
                      {error ? (
                        <p id={errorId} className="field-error" role="alert">
                          {t.error(error)}
                        </p>
                      ) : null}
                    </fieldset>
                  )
                })}
                <SubmitButton>{t('sessionnotes.attendance.save')}</SubmitButton>
              </SafeForm>
            )}
          </section>

          <section className="card" aria-labelledby="notes-title">
            <h2 id="notes-title">{t('sessionnotes.notes.title')}</h2>
            {view.notesUpdatedAt ? (
              <p className="help">
                {t('sessionnotes.notes.updatedAt')}: <Time at={view.notesUpdatedAt} />
              </p>
            ) : null}
            <SafeForm className="notes-form" data-testid="notes-form">
              <input type="hidden" name="intent" value="notes" />
              <FormError code={notesFailed?.formError} />
              <TextAreaField
                label={t('sessionnotes.notes.session')}
                help={t('sessionnotes.notes.sessionHelp')}
                name={view.fields.sessionNote}
                defaultValue={view.sessionNote}
                maxLength={view.fields.maxChars}
                error={notesFailed?.fieldErrors?.[view.fields.sessionNote]}
              />
              {view.members.map((m) => {
                const field = `${view.fields.memberNote}${m.pseudonym}`
                return (
                  <TextAreaField
                    key={m.pseudonym}
                    label={t('sessionnotes.notes.member', { pseudonym: m.pseudonym })}
                    help={t('sessionnotes.notes.memberHelp', { pseudonym: m.pseudonym })}
                    name={field}
                    defaultValue={m.note}
                    maxLength={view.fields.maxChars}
                    error={notesFailed?.fieldErrors?.[field]}
                  />
                )
              })}
              <SubmitButton>{t('sessionnotes.notes.save')}</SubmitButton>
            </SafeForm>
          </section>
        </>
      )}
    </>
  )
}
