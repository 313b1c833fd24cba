import { Field, FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'

export interface JournalFormErrors {
  formError?: string
  fieldErrors?: Record<string, string>
}

export function JournalEntryForm({
  entry,
  errors,
  submitLabel,
}: {
  entry?: { title: string | null; body: string }
  errors?: JournalFormErrors
  submitLabel: string
}) {
  const t = useT()
  return (
    <SafeForm className="journal-form">
      <FormError code={errors?.formError} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t('care.journal.entryTitle')}
        type="text"
        name="title"
        maxLength={200}
        defaultValue={entry?.title ?? ''}
        error={errors?.fieldErrors?.title}
      />
      <TextAreaField
        label={t('care.journal.body')}
        name="body"
        required
        maxLength={20000}
        rows={10}
        defaultValue={entry?.body ?? ''}
        error={errors?.fieldErrors?.body}
      />
      <p className="help">{t('care.privacy')}</p>
      <SubmitButton>{submitLabel}</SubmitButton>
    </SafeForm>
  )
}
