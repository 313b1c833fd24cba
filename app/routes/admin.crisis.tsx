import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  AppError,
  addOverride,
  dismissAlarm,
  getCrisisAdminView,
  overrideFormSchema,
  policyFormSchema,
  saveDefaultPolicy,
  saveSchedule,
  scheduleFormSchema,
} from '../services.server'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { useReader } from '../utils/time'
import { AlarmBanner, alarmLabelKey } from '../components/crisis/alarm-banner'
import { memberLabelText } from '../components/crisis/country-name'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'admin:operate')
  return getCrisisAdminView(context.deps, { accountId: account.accountId, role: account.role })
}

type Done = { ok: true; intent: 'schedule' | 'override' | 'policy' | 'dismiss' }

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'admin:operate')
  const actor = { accountId: account.accountId, role: account.role }
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['schedule', 'override', 'policy', 'dismiss']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    switch (intent.data) {
      case 'schedule': {
        const parsed = parseForm(scheduleFormSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'schedule' })
        await saveSchedule(context.deps, actor, parsed.data)
        break
      }
      case 'override': {
        const parsed = parseForm(overrideFormSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'override' })
        await addOverride(context.deps, actor, parsed.data)
        break
      }
      case 'policy': {
        const parsed = parseForm(policyFormSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'policy' })
        await saveDefaultPolicy(context.deps, actor, {
          ...parsed.data,
          supervisor: parsed.data.supervisor || undefined,
        })
        break
      }
      case 'dismiss': {
        const id = z.string().uuid().safeParse(form.get('alarmId'))
        if (!id.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
        await dismissAlarm(context.deps, actor, id.data)
        break
      }
    }
    return data({ ok: true, intent: intent.data } satisfies Done)
  } catch (error) {
    // Field errors found by the service (unknown time zone, not a clinician…) belong to the form that was sent.
    if (error instanceof AppError && error.fields) {
      return formFailure({ ok: false, formError: error.code, fieldErrors: error.fields, kind: intent.data })
    }
    return failureFromError(context, error)
  }
}

export default function CrisisAdmin() {
  const t = useT()
  const reader = useReader()
  const view = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Done | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  const errors = (kind: string) => (failed?.kind === kind ? (failed.fieldErrors ?? {}) : {})
  const policy = view.policy
  return (
    <>
      <h1>{t('crisisAdmin.title')}</h1>
      <AlarmBanner alarms={view.alarms} />
      <FormError code={failed?.formError} />
      {result?.ok ? (
        <p className="notice" role="status">
          {t('crisisAdmin.saved')}
        </p>
      ) : null}

      <section className="card" aria-labelledby="alarms">
        <h2 id="alarms">{t('crisisAdmin.alarms')}</h2>
        {view.alarms.length === 0 ? <p>{t('crisisAdmin.alarms.none')}</p> : null}
        <ul>
          {view.alarms.map((a) => (
            <li key={a.id}>
              {t(alarmLabelKey(a.kind))} ({reader.dateTime(a.raisedAt)})
              {a.incidentId ? (
                <>
                  {' '}
                  — <Link to={`/console/incidents/${a.incidentId}`}>{a.incidentId.slice(0, 8)}</Link>
                </>
              ) : null}
              <SafeForm>
                <input type="hidden" name="intent" value="dismiss" />
                <input type="hidden" name="alarmId" value={a.id} />
                <button type="submit" className="link-button">
                  {t('crisisAdmin.dismiss')}
                </button>
              </SafeForm>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="schedules">
        <h2 id="schedules">{t('crisisAdmin.schedules')}</h2>
        {view.schedules.map((s) => (
          <div key={s.id}>
            <h3>{s.name}</h3>
            <p>
              {s.timeZone} · {s.handoffTime} · {s.shiftHours} h · {s.startsOn}
            </p>
            <p>{s.members.join(' → ')}</p>
            <p>
              <strong>{t('crisisAdmin.onCallNow', { name: s.onCallNow ?? t('crisisAdmin.nobody') })}</strong>
            </p>
            <ul>
              {s.overrides.map((o, i) => (
                <li key={i}>
                  {o.login}: {reader.dateTime(o.startsAt)} – {reader.dateTime(o.endsAt)}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <SafeForm>
          <input type="hidden" name="intent" value="schedule" />
          <Field
            label={t('crisisAdmin.schedule.name')}
            name="name"
            required
            maxLength={80}
            error={errors('schedule').name}
          />
          <Field
            label={t('crisisAdmin.schedule.timeZone')}
            name="timeZone"
            required
            defaultValue="Europe/Warsaw"
            error={errors('schedule').timeZone}
          />
          <Field
            label={t('crisisAdmin.schedule.handoff')}
            name="handoffTime"
            required
            defaultValue="09:00"
            error={errors('schedule').handoffTime}
          />
          <Field
            label={t('crisisAdmin.schedule.shiftHours')}
            name="shiftHours"
            type="number"
            min={1}
            max={336}
            required
            defaultValue="24"
            error={errors('schedule').shiftHours}
          />
          <Field
            label={t('crisisAdmin.schedule.startsOn')}
            name="startsOn"
            type="date"
            required
            error={errors('schedule').startsOn}
          />
          <div className="field">
            <label htmlFor="members">{t('crisisAdmin.schedule.members')}</label>
            <textarea id="members" name="members" required rows={3} />
            {errors('schedule').members ? (
              <p className="field-error" role="alert">
                {t.error(errors('schedule').members!)}
              </p>
            ) : null}
          </div>
          <SubmitButton>{t('crisisAdmin.schedule.save')}</SubmitButton>
        </SafeForm>

        {view.schedules.length > 0 ? (
          <SafeForm>
            <h3>{t('crisisAdmin.override.title')}</h3>
            <input type="hidden" name="intent" value="override" />
            <div className="field">
              <label htmlFor="override-schedule">{t('crisisAdmin.override.schedule')}</label>
              <select id="override-schedule" name="scheduleId">
                {view.schedules.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('crisisAdmin.override.login')} name="login" required error={errors('override').login} />
            <Field
              label={t('crisisAdmin.override.startsAt')}
              name="startsAt"
              required
              error={errors('override').startsAt}
            />
            <Field label={t('crisisAdmin.override.endsAt')} name="endsAt" required error={errors('override').endsAt} />
            <SubmitButton className="button">{t('crisisAdmin.override.save')}</SubmitButton>
          </SafeForm>
        ) : null}
      </section>

      <section className="card" aria-labelledby="policy">
        <h2 id="policy">{t('crisisAdmin.policy')}</h2>
        {policy ? null : <p>{t('crisisAdmin.policy.none')}</p>}
        <SafeForm>
          <input type="hidden" name="intent" value="policy" />
          <Field
            label={t('crisisAdmin.policy.name')}
            name="name"
            required
            defaultValue={policy?.name ?? 'Default'}
            error={errors('policy').name}
          />
          <Field
            label={t('crisisAdmin.policy.repeats')}
            name="repeats"
            type="number"
            min={0}
            max={10}
            required
            defaultValue={String(policy?.repeats ?? 1)}
            error={errors('policy').repeats}
          />
          <Field
            label={t('crisisAdmin.policy.retrigger')}
            name="retriggerMinutes"
            type="number"
            min={1}
            max={1440}
            required
            defaultValue={String(policy?.retriggerMinutes ?? 30)}
            error={errors('policy').retriggerMinutes}
          />
          <Field
            label={t('crisisAdmin.policy.supervisor')}
            name="supervisor"
            defaultValue={policy?.supervisor ?? ''}
            error={errors('policy').supervisor}
          />
          <div className="field">
            <label htmlFor="levels">{t('crisisAdmin.policy.levels')}</label>
            <textarea
              id="levels"
              name="levels"
              required
              rows={4}
              defaultValue={
                policy?.levels.map((l) => `${l.ackTimeoutMinutes} ${l.targets.join(', ')}`).join('\n') ?? ''
              }
            />
            {errors('policy').levels ? (
              <p className="field-error" role="alert">
                {t.error(errors('policy').levels!)}
              </p>
            ) : null}
          </div>
          <SubmitButton>{t('crisisAdmin.policy.save')}</SubmitButton>
        </SafeForm>
      </section>

      <section className="card" aria-labelledby="reveals">
        <h2 id="reveals">{t('crisisAdmin.reveals')}</h2>
        {view.reveals.length === 0 ? <p>{t('crisisAdmin.reveals.none')}</p> : null}
        <ul data-testid="reveals">
          {view.reveals.map((r) => (
            <li key={r.id}>
              <time dateTime={r.at}>{reader.dateTime(r.at)}</time>{' '}
              {t('crisisAdmin.reveal.line', {
                actor: r.actor ?? '—',
                member: r.memberLabel ? memberLabelText(t, r.memberLabel) : r.incidentId.slice(0, 8),
                reason: r.reason,
              })}{' '}
              <Link to={`/console/incidents/${r.incidentId}`}>{t('console.open')}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
