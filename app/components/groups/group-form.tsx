import { Field, FormError, SafeForm, SubmitButton } from '../forms'
import { useT } from '../i18n'
import type { FormResult } from '../../utils/forms.server'
import { SelectField, TextAreaField } from './fields'

export interface GroupFormValues {
  title: string
  description: string
  topic: string
  language: 'en' | 'pl'
  coFacilitator: string
  capacity: number
  rrule: string
  timeZone: string
  firstStartLocal: string
  durationMinutes: number
  intakeQuestion: string
}

/** Create and edit share one form: the schedule is an RRULE expanded in the facilitator's time zone. */
export function GroupForm({
  values, timeZones, coFacilitators, failed,
}: { values: GroupFormValues; timeZones: string[]; coFacilitators: Array<{ key: string; displayName: string }>; failed?: FormResult }) {
  const t = useT()
  const e = failed?.fieldErrors ?? {}
  return (
    <SafeForm>
      <FormError code={failed?.formError} />
      <Field label={t('groupForm.title')} name="title" type="text" required maxLength={120} defaultValue={values.title} error={e.title} />
      <TextAreaField label={t('groupForm.description')} name="description" maxLength={2000} defaultValue={values.description} error={e.description} />
      <Field label={t('groupForm.topic')} name="topic" type="text" required maxLength={80} defaultValue={values.topic} error={e.topic} />
      <SelectField label={t('groupForm.language')} name="language" defaultValue={values.language}
        options={[{ value: 'en', label: t('groups.language.en') }, { value: 'pl', label: t('groups.language.pl') }]} />
      <SelectField label={t('groupForm.coFacilitator')} name="coFacilitator" defaultValue={values.coFacilitator} error={e.coFacilitator}
        options={[{ value: '', label: t('groupForm.none') }, ...coFacilitators.map((c) => ({ value: c.key, label: c.displayName }))]} />
      <Field label={t('groupForm.capacity')} name="capacity" type="number" min={2} max={30} required defaultValue={values.capacity} error={e.capacity} />
      <Field label={t('groupForm.firstStart')} name="firstStartLocal" type="datetime-local" required defaultValue={values.firstStartLocal} error={e.firstStartLocal} />
      <SelectField label={t('groupForm.timeZone')} name="timeZone" defaultValue={values.timeZone} error={e.timeZone}
        options={timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))} />
      <Field label={t('groupForm.rrule')} help={t('groupForm.rruleHelp')} name="rrule" type="text" required maxLength={300} defaultValue={values.rrule} error={e.rrule} autoComplete="off" />
      <Field label={t('groupForm.duration')} name="durationMinutes" type="number" min={15} max={240} required defaultValue={values.durationMinutes} error={e.durationMinutes} />
      <TextAreaField label={t('groupForm.intake')} name="intakeQuestion" required maxLength={500} defaultValue={values.intakeQuestion} error={e.intakeQuestion} />
      <SubmitButton>{t('groupForm.save')}</SubmitButton>
    </SafeForm>
  )
}
