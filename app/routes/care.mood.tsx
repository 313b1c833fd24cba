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
import { SafeForm, useResetKey } from '../components/forms'
import { useT } from '../components/i18n'
import { MoodChart } from '../components/selfcare/mood-chart'
import { MoodCheckInForm } from '../components/selfcare/mood-form'
import { CareBack, CareNotice, CareReminder } from '../components/selfcare/care-parts'
import { requireUser } from '../utils/auth.server'
import { afterSaving, noticeFrom } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import type { MessageKey } from '../i18n/i18n'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const range = selfcare.parseChartRange(new URL(request.url).searchParams.get('days'))
  const [overview, reminder] = await Promise.all([
    selfcare.getMoodOverview(context.deps, account, range),
    selfcare.getMoodReminder(context.deps, account),
  ])
  return { overview, due: reminder.due, feelings: selfcareForms.FEELINGS, done: noticeFrom(request) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['check-in', 'delete']).safeParse(form.get('intent') ?? 'check-in')
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    if (intent.data === 'delete') {
      await selfcare.deleteMoodCheckIn(context.deps, account, String(form.get('checkInId') ?? ''))
      return redirect('/care/mood?done=deleted')
    }
    // Checked boxes arrive as repeated fields; the schema takes them as one list.
    form.set('feelings', form.getAll('feelings').map(String).join(','))
    const parsed = parseForm(selfcareForms.moodCheckInSchema, form)
    if ('errors' in parsed) return formFailure(parsed.errors)
    const once = await createOnce(context, account.accountId, 'mood:check-in', form, () =>
      selfcare.recordMoodCheckIn(context.deps, account, parsed.data),
    )
    if ('resent' in once) return formResent()
    const saved = once.created
    return afterSaving('mood', saved, '/care/mood?done=checkin')
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Mood() {
  const t = useT()
  const { overview, due, feelings, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  const full = overview.todayCount >= overview.limit
  // After a check-in the form is empty again (the page's form token is new).
  const resetKey = useResetKey(Boolean(done) && !failed)
  return (
    <div className="care">
      <CareBack />
      <h1>{t('care.mood.title')}</h1>
      <CareNotice done={done} />
      <CareReminder due={due} />
      <section className="card" aria-labelledby="mood-today">
        <h2 id="mood-today">{t('care.today.title')}</h2>
        <p className="help">{t('care.mood.limit', { limit: overview.limit, count: overview.todayCount })}</p>
        {full && !failed ? (
          <p>{t.plural('plural.checkedInToday', overview.todayCount)}</p>
        ) : (
          <MoodCheckInForm key={resetKey} feelings={feelings} errors={failed} />
        )}
      </section>
      <section className="card">
        <MoodChart
          days={overview.days}
          latest={overview.latest}
          range={overview.range}
          rangeHref={(d) => `/care/mood?days=${d}`}
        />
      </section>
      <section className="card" aria-labelledby="mood-history">
        <h2 id="mood-history">{t('care.mood.history')}</h2>
        <p className="help">{t('care.privacy')}</p>
        {overview.recent.length === 0 ? <p>{t('care.mood.historyEmpty')}</p> : null}
        <ul className="mood-history">
          {overview.recent.map((c) => (
            <li key={c.id}>
              <div className="mood-history-head">
                <span className={`score-badge score-${c.score}`}>{t('care.mood.scoreValue', { score: c.score })}</span>
                <time dateTime={c.createdAt}>{c.timeLabel}</time>
              </div>
              {c.feelings.length > 0 ? (
                <p className="feeling-tags">
                  {c.feelings.map((f) => (
                    <span key={f} className="feeling-tag">
                      {t(`care.feeling.${f}` as MessageKey)}
                    </span>
                  ))}
                </p>
              ) : null}
              {c.note ? <p className="care-text">{c.note}</p> : null}
              <SafeForm>
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="checkInId" value={c.id} />
                <button type="submit" className="link-button">
                  {t('care.mood.delete')}
                </button>
              </SafeForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
