import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, type FormEvent } from 'react'
import { Field, FormError, SafeForm, SubmitButton } from '../forms'
import { useT } from '../i18n'
import { formatDateTime } from '../../utils/time'
import { SelectField, TextAreaField } from './fields'

/** The picker's weekdays, as in RFC 5545 (core/groups/schedule.ts WEEKDAYS). */
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

/** What the form shows: every field as the facilitator typed it (the schedule as picker fields, never a rule). */
export interface GroupFormValues {
  title: string
  description: string
  topic: string
  language: 'en' | 'pl'
  coFacilitator: string
  capacity: string
  timeZone: string
  durationMinutes: string
  intakeQuestion: string
  repeat: string
  days: string[]
  startDate: string
  startTime: string
  ends: string
  endDate: string
  count: string
  previewZone: string
}

export interface SchedulePreview {
  groupZone: string
  exampleZone: string
  sessions: string[]
}

export type GroupFormResult =
  | { ok: true; preview: SchedulePreview; values: GroupFormValues }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string>; values?: GroupFormValues }

/** A weekday's name in the page's language (1 January 2024 was a Monday). */
function weekdayName(index: number, locale: 'en' | 'pl'): string {
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + index)),
  )
}

/**
 * Create and edit share one form. The schedule is chosen with a recurrence picker (how often, days, time, start,
 * end); the server writes the rule. "Preview sessions" shows the next sessions in the group's zone and an example
 * member's zone: after a press without JavaScript, live as the facilitator changes the schedule with it.
 */
export function GroupForm({
  values,
  timeZones,
  coFacilitators,
  result,
}: {
  values: GroupFormValues
  timeZones: string[]
  coFacilitators: Array<{ key: string; displayName: string }>
  result?: GroupFormResult
}) {
  const t = useT()
  const live = useFetcher<GroupFormResult>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])
  const shown = result?.values ?? values
  const e = (result && !result.ok ? result.fieldErrors : undefined) ?? {}
  const liveResult = live.data
  const preview = liveResult?.ok ? liveResult.preview : liveResult ? null : result?.ok ? result.preview : null
  const previewErrors = liveResult && !liveResult.ok ? (liveResult.fieldErrors ?? {}) : {}
  const zoneOptions = timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const body = new FormData(form)
      body.set('intent', 'preview')
      live.submit(body, { method: 'post' })
    }, 300)
  }

  return (
    <SafeForm onChange={onChange} className="group-form">
      <FormError code={result && !result.ok ? result.formError : undefined} />
      <Field
        label={t('groupForm.title')}
        name="title"
        type="text"
        required
        maxLength={120}
        defaultValue={shown.title}
        error={e.title}
      />
      <TextAreaField
        label={t('groupForm.description')}
        name="description"
        maxLength={2000}
        defaultValue={shown.description}
        error={e.description}
      />
      <Field
        label={t('groupForm.topic')}
        name="topic"
        type="text"
        required
        maxLength={80}
        defaultValue={shown.topic}
        error={e.topic}
      />
      <SelectField
        label={t('groupForm.language')}
        name="language"
        defaultValue={shown.language}
        options={[
          { value: 'en', label: t('groups.language.en') },
          { value: 'pl', label: t('groups.language.pl') },
        ]}
      />
      <SelectField
        label={t('groupForm.coFacilitator')}
        name="coFacilitator"
        defaultValue={shown.coFacilitator}
        error={e.coFacilitator}
        options={[
          { value: '', label: t('groupForm.none') },
          ...coFacilitators.map((c) => ({ value: c.key, label: c.displayName })),
        ]}
      />
      <Field
        label={t('groupForm.capacity')}
        name="capacity"
        type="number"
        min={2}
        max={30}
        required
        defaultValue={shown.capacity}
        error={e.capacity}
      />

      <fieldset className="schedule-picker">
        <legend>{t('schedule.legend')}</legend>
        <fieldset className="choice-row">
          <legend>{t('schedule.repeat')}</legend>
          {(['weekly', 'fortnightly', 'monthly'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="repeat" value={r} defaultChecked={shown.repeat === r} required />{' '}
              {t(`schedule.repeat.${r}`)}
            </label>
          ))}
          {e.repeat ? (
            <p className="field-error" role="alert">
              {t.error(e.repeat)}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="choice-row">
          <legend>{t('schedule.days')}</legend>
          <p className="help">{t('schedule.daysHelp')}</p>
          {WEEKDAYS.map((d, i) => (
            <label key={d} className="choice">
              <input type="checkbox" name={`day_${d}`} defaultChecked={shown.days.includes(d)} />{' '}
              {weekdayName(i, t.locale)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t('schedule.startDate')}
          name="startDate"
          type="date"
          required
          defaultValue={shown.startDate}
          error={e.startDate}
        />
        <Field
          label={t('schedule.time')}
          name="startTime"
          type="time"
          required
          defaultValue={shown.startTime}
          error={e.startTime}
        />
        <SelectField
          label={t('groupForm.timeZone')}
          name="timeZone"
          defaultValue={shown.timeZone}
          error={e.timeZone}
          options={zoneOptions}
        />
        <fieldset className="choice-row">
          <legend>{t('schedule.ends')}</legend>
          {(['never', 'on', 'after'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="ends" value={k} defaultChecked={(shown.ends || 'never') === k} />{' '}
              {t(`schedule.ends.${k}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t('schedule.endDate')}
          name="endDate"
          type="date"
          defaultValue={shown.endDate}
          error={e.endDate}
        />
        <Field
          label={t('schedule.count')}
          name="count"
          type="number"
          min={1}
          max={200}
          defaultValue={shown.count}
          error={e.count}
        />
        <SelectField
          label={t('schedule.previewZone')}
          name="previewZone"
          defaultValue={shown.previewZone}
          options={zoneOptions}
        />
        {/* Not held back by the other required fields: a preview stores nothing. */}
        <button type="submit" className="button" name="intent" value="preview" formNoValidate>
          {t('schedule.preview')}
        </button>
        <section
          className="schedule-preview"
          aria-live="polite"
          aria-labelledby="schedule-preview-title"
          data-testid="schedule-preview"
        >
          <h2 id="schedule-preview-title">{t('schedule.previewTitle')}</h2>
          {Object.keys(previewErrors).length ? <p className="field-error">{t('schedule.previewIncomplete')}</p> : null}
          {preview ? (
            preview.sessions.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('schedule.inZone', { zone: preview.groupZone.replace(/_/g, ' ') })}</th>
                    <th scope="col">{t('schedule.inZone', { zone: preview.exampleZone.replace(/_/g, ' ') })}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sessions.map((at) => (
                    <tr key={at}>
                      <td>
                        <time dateTime={at}>{formatDateTime(at, { locale: t.locale, zone: preview.groupZone })}</time>
                      </td>
                      <td>
                        <time dateTime={at}>{formatDateTime(at, { locale: t.locale, zone: preview.exampleZone })}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t('schedule.previewNone')}</p>
            )
          ) : (
            <p className="help">{t('schedule.previewHelp')}</p>
          )}
        </section>
      </fieldset>

      <Field
        label={t('groupForm.duration')}
        name="durationMinutes"
        type="number"
        min={15}
        max={240}
        required
        defaultValue={shown.durationMinutes}
        error={e.durationMinutes}
      />
      <TextAreaField
        label={t('groupForm.intake')}
        name="intakeQuestion"
        required
        maxLength={500}
        defaultValue={shown.intakeQuestion}
        error={e.intakeQuestion}
      />
      <SubmitButton name="intent" value="save">
        {t('groupForm.save')}
      </SubmitButton>
    </SafeForm>
  )
}
