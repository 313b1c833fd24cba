import { useId } from 'react'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'
import type { MessageKey } from '../../i18n/i18n'

export interface MoodFormErrors {
  formError?: string
  fieldErrors?: Record<string, string>
}

/** The mood check-in: a 1–10 scale, feelings to tick, and a private note. Posts to /care/mood. */
export function MoodCheckInForm({ feelings, errors }: { feelings: readonly string[]; errors?: MoodFormErrors }) {
  const t = useT()
  const id = useId()
  const limitError = errors?.fieldErrors?.checkIn
  const scoreError = errors?.fieldErrors?.score
  return (
    <SafeForm action="/care/mood" className="mood-form">
      <FormError code={limitError ? undefined : errors?.formError} />
      {limitError ? (
        <p className="form-error" role="alert">
          {t.error(limitError)}
        </p>
      ) : null}
      <fieldset aria-describedby={`${id}-score-help${scoreError ? ` ${id}-score-error` : ''}`}>
        <legend>{t('care.mood.score')}</legend>
        <p id={`${id}-score-help`} className="help">
          {t('care.mood.scoreHelp')}
        </p>
        <div className="score-scale">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((score) => (
            <label key={score} className={`score-option score-${score}`}>
              <input type="radio" name="score" value={score} required />
              <span>{score}</span>
            </label>
          ))}
        </div>
        {scoreError ? (
          <p id={`${id}-score-error`} className="field-error" role="alert">
            {t.error(scoreError)}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('care.mood.feelings')}</legend>
        <div className="feelings">
          {feelings.map((feeling) => (
            <label key={feeling} className="feeling-option">
              <input type="checkbox" name="feelings" value={feeling} />
              <span>{t(`care.feeling.${feeling}` as MessageKey)}</span>
            </label>
          ))}
        </div>
        {errors?.fieldErrors?.feelings ? (
          <p className="field-error" role="alert">
            {t.error(errors.fieldErrors.feelings)}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t('care.mood.note')}
        help={t('care.mood.noteHelp')}
        name="note"
        maxLength={2000}
        rows={3}
        error={errors?.fieldErrors?.note}
      />
      <SubmitButton>{t('care.mood.submit')}</SubmitButton>
    </SafeForm>
  )
}
