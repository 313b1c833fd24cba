import { Link } from '@remix-run/react'
import type { FormResult } from '../../utils/forms.server'
import { CrisisCard, type CardLines } from '../crisis/crisis-card'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'

type Result =
  | { ok: true; signalled: 'stepping_out' | 'back' | 'not_ok' }
  | { ok: true; answer: 'yes' | 'no' }
  | FormResult
  | undefined

/** A member's private buttons: "stepping out", "back", "not OK" — to the group's facilitators only. */
export function SignalButtons({ result }: { result: Result }) {
  const t = useT()
  return (
    <section className="card session-signal-buttons" aria-labelledby="signal-buttons">
      <h2 id="signal-buttons">{t('video.signals.title')}</h2>
      <p className="help">{t('video.signals.help')}</p>
      {result && result.ok && 'signalled' in result ? (
        <p className="notice" role="status" data-testid="signal-sent">
          {t('video.signals.sent')}
        </p>
      ) : null}
      <SafeForm>
        <input type="hidden" name="intent" value="signal" />
        <div className="actions">
          <SubmitButton className="button" name="kind" value="stepping_out">
            {t('video.signals.steppingOut')}
          </SubmitButton>
          <SubmitButton className="button" name="kind" value="back">
            {t('video.signals.back')}
          </SubmitButton>
          <SubmitButton className="button danger" name="kind" value="not_ok">
            {t('video.signals.notOk')}
          </SubmitButton>
        </div>
      </SafeForm>
    </section>
  )
}

/**
 * After "I'm not OK": the crisis lines at once and "Would you like a clinician to contact you?", as after a
 * crisis-level journal entry or PHQ-9 item 9. Only a yes raises anything.
 */
export function NotOkSupport({
  support,
  result,
}: {
  support: { signalId: string; clinicianRequested: boolean; lines: CardLines }
  result: Result
}) {
  const t = useT()
  const answer = result && result.ok && 'answer' in result ? result.answer : null
  const answered = answer ?? (support.clinicianRequested ? 'yes' : null)
  const failed = result && !result.ok ? result : undefined
  return (
    <div id="support" className="session-support" data-testid="not-ok-support">
      <h2>{t('video.support.title')}</h2>
      <p>{t('video.support.intro')}</p>
      <CrisisCard lines={support.lines} />
      <section className="card support-question" aria-labelledby="support-question">
        <h2 id="support-question">{t('care.support.question')}</h2>
        {answered === 'yes' ? (
          <>
            <p className="notice" role="status" data-testid="support-answer">
              {answer ? t('care.support.told') : t('care.support.already')}
            </p>
            <div className="actions">
              <Link className="button primary" to="/help">
                {t('care.support.help')}
              </Link>
            </div>
          </>
        ) : answered === 'no' ? (
          <p className="notice" role="status" data-testid="support-answer">
            {t('care.support.declined')}
          </p>
        ) : (
          <SafeForm>
            <input type="hidden" name="intent" value="clinician" />
            <input type="hidden" name="signalId" value={support.signalId} />
            <FormError code={failed?.formError} />
            <TextAreaField
              label={t('care.support.message')}
              name="message"
              maxLength={500}
              rows={3}
              error={failed?.fieldErrors?.message}
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
    </div>
  )
}
