import { Link } from '@remix-run/react'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'
import type { FormResult } from '../../utils/forms.server'

/** What the member answered to "would you like a clinician to contact you?", as the action returns it. */
export type ClinicianAnswer = { ok: true; answer: 'yes' | 'no' } | FormResult | undefined

/**
 * "Would you like a clinician to contact you?", asked after something the member wrote or answered suggested risk
 * (a crisis-level journal entry or check-in, PHQ-9 item 9). Only a yes raises anything; the form works without
 * JavaScript. `alreadyRequested` is what the page knew before this answer; `continueTo`, when given, is where a
 * member who said no goes on.
 */
export function ClinicianQuestion({
  result,
  alreadyRequested,
  continueTo,
  hidden = {},
}: {
  result: ClinicianAnswer
  alreadyRequested: boolean
  continueTo?: string
  /** Fields the page's action needs beside the answer (which form this is, what it answers). */
  hidden?: Record<string, string>
}) {
  const t = useT()
  const answered = result?.ok ? result.answer : alreadyRequested ? 'yes' : null
  const failure = result && !result.ok ? result : undefined
  return (
    <section className="card support-question" aria-labelledby="support-question">
      <h2 id="support-question">{t('care.support.question')}</h2>
      {answered === 'yes' ? (
        <>
          <p className="notice" role="status" data-testid="support-answer">
            {result?.ok ? t('care.support.told') : t('care.support.already')}
          </p>
          <div className="actions">
            <Link className="button primary" to="/help">
              {t('care.support.help')}
            </Link>
          </div>
        </>
      ) : answered === 'no' ? (
        <>
          <p className="notice" role="status" data-testid="support-answer">
            {t('care.support.declined')}
          </p>
          {continueTo ? (
            <div className="actions">
              <Link className="button" to={continueTo}>
                {t('care.support.continue')}
              </Link>
            </div>
          ) : null}
        </>
      ) : (
        <SafeForm>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormError code={failure?.formError} />
          <TextAreaField
            label={t('care.support.message')}
            help={t('care.support.messageHelp')}
            name="message"
            maxLength={500}
            rows={3}
            error={failure?.fieldErrors?.message}
          />
          <div className="actions">
            <SubmitButton name="answer" value="yes">
              {t('care.support.yes')}
            </SubmitButton>
            <SubmitButton className="button" name="answer" value="no">
              {t('care.support.no')}
            </SubmitButton>
          </div>
        </SafeForm>
      )}
    </section>
  )
}
