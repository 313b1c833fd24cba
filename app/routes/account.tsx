import {
  AppError,
  allTimeZones,
  COUNTRY_CHOICES,
  crisisLinesFor,
  groups,
  deleteAccount,
  getSensitiveProfileStatus,
  preferencesSchema,
  savePreferences,
  saveSensitiveProfile,
  sensitiveProfileSchema,
  signOutEverywhere,
} from '../services.server'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormError, SafeForm, SelectField, SubmitButton } from '../components/forms'
import { CrisisCard, type CardLines } from '../components/crisis/crisis-card'
import { countryName } from '../components/crisis/country-name'
import { useT } from '../components/i18n'
import { LOCALES, LOCALE_NAMES } from '../i18n/i18n'
import { clearSessionCookie, requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { getCountry, languageCookie } from '../utils/locale.server'
import crisisStyles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: crisisStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const sensitive = await getSensitiveProfileStatus(context.deps, account.accountId)
  return {
    username: account.username,
    kind: account.kind,
    role: account.role,
    locale: account.locale,
    pseudonymMode: account.pseudonymMode,
    // The country in use (saved, else from the browser): preselected, so saving the form keeps what the member sees.
    country: getCountry(request, context),
    countries: COUNTRY_CHOICES,
    sensitive,
    timeZone: await groups.getTimeZone(context.deps, account.accountId),
    timeZones: allTimeZones(),
  }
}

type Done = { ok: true; intent: 'preferences' | 'sensitive' | 'time-zone' }
type DeletionWaits = { ok: false; formError: 'CRISIS_OPEN'; crisisLines: CardLines }

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = z
    .enum(['preferences', 'sensitive', 'time-zone', 'signout-everywhere', 'delete'])
    .safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    switch (intent.data) {
      case 'preferences': {
        const parsed = parseForm(preferencesSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        await savePreferences(context.deps, account.accountId, parsed.data)
        return data({ ok: true, intent: 'preferences' } satisfies Done, {
          headers: { 'Set-Cookie': languageCookie(context, parsed.data.locale) },
        })
      }
      case 'sensitive': {
        const parsed = parseForm(sensitiveProfileSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        await saveSensitiveProfile(context.deps, account.accountId, parsed.data)
        return { ok: true, intent: 'sensitive' } satisfies Done
      }
      case 'time-zone':
        await groups.saveTimeZone(context.deps, account, String(form.get('timeZone') ?? ''))
        return { ok: true, intent: 'time-zone' } satisfies Done
      case 'signout-everywhere':
        await signOutEverywhere(context.deps, account.accountId)
        return redirect('/signin', { headers: { 'Set-Cookie': clearSessionCookie(context) } })
      case 'delete': {
        try {
          await deleteAccount(context.deps, account.accountId, String(form.get('password') ?? ''))
        } catch (error) {
          // Deletion waits while a request for help is open (docs/decisions/020): say so kindly, with the lines.
          if (!(error instanceof AppError && error.code === 'CRISIS_OPEN')) throw error
          const country = getCountry(request, context)
          return data(
            {
              ok: false,
              formError: 'CRISIS_OPEN',
              crisisLines: { country, ...crisisLinesFor(country) },
            } satisfies DeletionWaits,
            { status: 409 },
          )
        }
        return redirect('/?deleted=1', { headers: { 'Set-Cookie': clearSessionCookie(context) } })
      }
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Account() {
  const t = useT()
  const info = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Done | FormResult | DeletionWaits | undefined
  const failed = result && !result.ok ? result : undefined
  const deletionWaits = failed && 'crisisLines' in failed ? failed : undefined
  const done = result?.ok ? result.intent : undefined
  return (
    <>
      <h1>{t('account.title')}</h1>
      {deletionWaits ? null : <FormError code={failed?.formError} />}
      {deletionWaits ? (
        <section className="card" aria-labelledby="deletion-waits" data-testid="deletion-waits">
          <h2 id="deletion-waits">{t('account.delete.crisisOpen')}</h2>
          <p role="alert">{t.error('CRISIS_OPEN')}</p>
          <p>
            <a className="button primary" href="/help">
              {t('crisis.helpButton')}
            </a>
          </p>
          <CrisisCard lines={deletionWaits.crisisLines} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="who">
        <h2 id="who" className="visually-hidden">
          {t('account.signedInAs')}
        </h2>
        <dl className="facts">
          <dt>{t('account.signedInAs')}</dt>
          <dd data-testid="account-username">{info.username}</dd>
          <dt>{t('account.role')}</dt>
          <dd>
            {t(`role.${info.role}`)} ·{' '}
            {t(info.kind === 'anonymous' ? 'account.kind.anonymous' : 'account.kind.registered')}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="prefs">
        <h2 id="prefs">{t('account.prefs.title')}</h2>
        {done === 'preferences' ? (
          <p className="notice" role="status">
            {t('account.prefs.saved')}
          </p>
        ) : null}
        <SafeForm>
          <input type="hidden" name="intent" value="preferences" />
          <div className="field">
            <label htmlFor="pref-locale">{t('account.prefs.language')}</label>
            <select id="pref-locale" name="locale" defaultValue={info.locale}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pref-country">{t('account.prefs.country')}</label>
            <select
              id="pref-country"
              name="country"
              defaultValue={info.country ?? 'ZZ'}
              aria-describedby="pref-country-help"
            >
              {(info.country && !info.countries.includes(info.country)
                ? [...info.countries, info.country]
                : info.countries
              ).map((c) => (
                <option key={c} value={c}>
                  {countryName(t, c)}
                </option>
              ))}
            </select>
            <p className="help" id="pref-country-help">
              {t('account.prefs.country.help')}
            </p>
          </div>
          <fieldset>
            <legend>{t('account.prefs.pseudonym')}</legend>
            {(['ask', 'generate'] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="pseudonymMode" value={mode} defaultChecked={info.pseudonymMode === mode} />
                <span>{t(`account.prefs.pseudonym.${mode}`)}</span>
              </label>
            ))}
          </fieldset>
          <SubmitButton>{t('account.prefs.save')}</SubmitButton>
        </SafeForm>
      </section>

      <section className="card" aria-labelledby="time-zone">
        <h2 id="time-zone">{t('time.zone.label')}</h2>
        {done === 'time-zone' ? (
          <p className="notice" role="status">
            {t('time.zone.saved')}
          </p>
        ) : null}
        <SafeForm key={info.timeZone}>
          <input type="hidden" name="intent" value="time-zone" />
          <SelectField
            label={t('time.zone.label')}
            help={t('time.zone.help')}
            name="timeZone"
            defaultValue={info.timeZone}
            error={failed && 'fieldErrors' in failed ? failed.fieldErrors?.timeZone : undefined}
            options={info.timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          />
          <SubmitButton>{t('time.zone.save')}</SubmitButton>
        </SafeForm>
      </section>

      <section className="card" aria-labelledby="sensitive">
        <h2 id="sensitive">{t('account.sensitive.title')}</h2>
        <p>{t('account.sensitive.help')}</p>
        {done === 'sensitive' ? (
          <p className="notice" role="status">
            {t('account.sensitive.saved')}
          </p>
        ) : null}
        <dl className="facts">
          <dt>{t('account.sensitive.legalName')}</dt>
          <dd>{info.sensitive.hasLegalName ? t('account.sensitive.stored') : t('account.sensitive.notStored')}</dd>
          <dt>{t('account.sensitive.emergencyContact')}</dt>
          <dd>
            {info.sensitive.hasEmergencyContact ? t('account.sensitive.stored') : t('account.sensitive.notStored')}
          </dd>
        </dl>
        <p className="help">{t('account.sensitive.replaceHint')}</p>
        <SafeForm>
          <input type="hidden" name="intent" value="sensitive" />
          <Field
            label={t('account.sensitive.legalName')}
            name="legalName"
            type="text"
            autoComplete="off"
            maxLength={200}
          />
          <Field
            label={t('account.sensitive.emergencyContact')}
            name="emergencyContact"
            type="text"
            autoComplete="off"
            maxLength={500}
          />
          <SubmitButton>{t('account.sensitive.save')}</SubmitButton>
        </SafeForm>
      </section>

      <section className="card" aria-labelledby="data">
        <h2 id="data">{t('account.export.title')}</h2>
        <p>{t('account.export.help')}</p>
        <div className="actions">
          <a className="button" href="/account/export" download>
            {t('account.export.button')}
          </a>
          <SafeForm>
            <input type="hidden" name="intent" value="signout-everywhere" />
            <SubmitButton className="button">{t('account.signOutEverywhere')}</SubmitButton>
          </SafeForm>
        </div>
      </section>

      <section className="card" aria-labelledby="delete">
        <h2 id="delete">{t('account.delete.title')}</h2>
        <p>{t('account.delete.help')}</p>
        <SafeForm>
          <input type="hidden" name="intent" value="delete" />
          <Field
            label={t('account.delete.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <SubmitButton className="button danger">{t('account.delete.button')}</SubmitButton>
        </SafeForm>
      </section>
    </>
  )
}
