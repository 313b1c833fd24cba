import type { FormResult } from '../../utils/forms.server'
import { CrisisCard, type CardLines } from '../crisis/crisis-card'
import { ClinicianQuestion, type ClinicianAnswer } from '../crisis/clinician-question'
import { SafeForm, SubmitButton } from '../forms'
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
  const answer: ClinicianAnswer = result && result.ok && 'signalled' in result ? undefined : result
  return (
    <div id="support" className="session-support" data-testid="not-ok-support">
      <h2>{t('video.support.title')}</h2>
      <p>{t('video.support.intro')}</p>
      <CrisisCard lines={support.lines} />
      <ClinicianQuestion
        result={answer}
        alreadyRequested={support.clinicianRequested}
        hidden={{ intent: 'clinician', signalId: support.signalId }}
      />
    </div>
  )
}
