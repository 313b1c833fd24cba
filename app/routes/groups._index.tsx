import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { allTimeZones, groups } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { SelectField, VerifiedBadge } from '../components/groups/fields'
import { SessionReminders } from '../components/groups/session-reminders'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const { timeZone, groups: list } = await groups.listGroups(context.deps, account)
  return { timeZone, groups: list, timeZones: allTimeZones(), isFacilitator: account.role === 'facilitator' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  if (form.get('intent') !== 'time-zone') return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    await groups.saveTimeZone(context.deps, account, String(form.get('timeZone') ?? ''))
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Groups() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  return (
    <>
      <h1>{t('groups.title')}</h1>
      <SessionReminders />
      <p>{t('groups.intro')}</p>
      {data.isFacilitator ? (
        <div className="actions">
          <Link className="button primary" to="/groups/new">
            {t('groups.new')}
          </Link>
          <Link className="button" to="/facilitator/profile">
            {t('groups.myProfile')}
          </Link>
        </div>
      ) : null}
      <section className="card" aria-labelledby="tz">
        <h2 id="tz" className="visually-hidden">
          {t('groups.timeZone.label')}
        </h2>
        {result?.ok ? (
          <p className="notice" role="status">
            {t('groups.timeZone.saved')}
          </p>
        ) : null}
        <FormError code={failed?.formError} />
        {/* Keyed by the zone: when the page learns the browser's zone, the choice shown follows. */}
        <SafeForm className="inline-form" key={data.timeZone}>
          <input type="hidden" name="intent" value="time-zone" />
          <SelectField
            label={t('groups.timeZone.label')}
            help={t('groups.timeZone.help')}
            name="timeZone"
            defaultValue={data.timeZone}
            error={failed?.fieldErrors?.timeZone}
            options={data.timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          />
          <SubmitButton className="button">{t('groups.timeZone.save')}</SubmitButton>
        </SafeForm>
      </section>
      {data.groups.length === 0 ? <p>{t('groups.empty')}</p> : null}
      <ul className="group-list">
        {data.groups.map((g) => (
          <li key={g.id} className="card group-card" lang={g.language}>
            <h2>
              <Link to={`/groups/${g.id}`}>{g.title}</Link>
            </h2>
            <p className="group-meta">
              <span>
                {t('groups.topic')}: {g.topic}
              </span>
              <span>{t(`groups.language.${g.language}`)}</span>
              <span>{t('groups.seats', { taken: g.seatsTaken, capacity: g.capacity })}</span>
            </p>
            <p className="group-meta">
              <span>{t('groups.ledBy', { name: g.facilitator.displayName })}</span>
              <VerifiedBadge verified={g.facilitator.verified} />
              {g.myStatus ? <span className="badge">{t(`groups.status.${g.myStatus}`)}</span> : null}
            </p>
            <p>{g.description}</p>
            <h3>{t('groups.next')}</h3>
            {g.nextSessions.length === 0 ? (
              <p>{t('groups.noSessions')}</p>
            ) : (
              <ul className="session-list" data-testid="next-sessions">
                {g.nextSessions.map((s) => (
                  <li key={s.id}>
                    <time className="when" dateTime={s.startsAt}>
                      {s.startsLabel}
                    </time>
                    {s.status === 'cancelled' ? <span className="badge">{t('group.session.cancelled')}</span> : null}
                    {s.status === 'moved' ? <span className="badge">{t('group.session.moved')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
