import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { selfcare, selfcareForms } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const [preference, today] = await Promise.all([
    selfcare.getReminderPreference(context.deps, account),
    selfcare.getLocalToday(context.deps, account),
  ])
  return { preference, timeZone: today.timeZone, done: noticeFrom(request) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(selfcareForms.reminderSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    await selfcare.saveReminderPreference(context.deps, account, parsed.data)
    return redirect('/care/reminders?done=reminder')
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Reminders() {
  const t = useT()
  const { preference, timeZone, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack />
      <h1>{t('care.reminders.title')}</h1>
      <p className="care-intro">{t('care.reminders.intro')}</p>
      <CareNotice done={done} />
      <section className="card">
        <SafeForm>
          <FormError code={failed?.formError} />
          <fieldset>
            <legend>{t('care.reminders.mode')}</legend>
            <label className="choice">
              <input type="radio" name="mode" value="off" defaultChecked={preference.mode === 'off'} />
              <span>{t('care.reminders.off')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="mode" value="daily" defaultChecked={preference.mode === 'daily'} />
              <span>{t('care.reminders.daily')}</span>
            </label>
          </fieldset>
          <Field
            label={t('care.reminders.time')}
            help={t('care.reminders.timeHelp', { zone: timeZone })}
            name="time"
            type="time"
            defaultValue={preference.time ?? '20:00'}
            error={failed?.fieldErrors?.time}
          />
          {preference.emailAvailable ? (
            <div className="field">
              <label className="choice">
                <input
                  type="checkbox"
                  name="email"
                  defaultChecked={preference.email}
                  aria-describedby="reminder-email-help"
                />
                <span>{t('care.reminders.email')}</span>
              </label>
              <p id="reminder-email-help" className="help">
                {t('care.reminders.emailHelp')}
              </p>
              {failed?.fieldErrors?.email ? (
                <p className="field-error" role="alert">
                  {t.error(failed.fieldErrors.email)}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="help">{t('care.reminders.noEmail')}</p>
          )}
          <SubmitButton>{t('care.reminders.save')}</SubmitButton>
        </SafeForm>
      </section>
    </div>
  )
}
