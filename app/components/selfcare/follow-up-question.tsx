import { SafeForm, SubmitButton } from '../forms'
import { useT } from '../i18n'

/**
 * "How are you now?" after an incident, with its three answers as buttons of one form (works without JavaScript).
 * Shown on every page while a follow-up waits (app/root.tsx), and on /care/follow-up.
 */
export function FollowUpQuestion({ followUpId, headingLevel = 2 }: { followUpId: string; headingLevel?: 1 | 2 }) {
  const t = useT()
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  return (
    <section className="card follow-up" aria-labelledby="follow-up-title" data-testid="follow-up">
      <Heading id="follow-up-title">{t('care.followUp.title')}</Heading>
      <p>{t('care.followUp.intro')}</p>
      <SafeForm method="post" action="/care/follow-up" className="actions">
        <input type="hidden" name="followUpId" value={followUpId} />
        <SubmitButton name="answer" value="ok" className="button">
          {t('care.followUp.ok')}
        </SubmitButton>
        <SubmitButton name="answer" value="struggling" className="button">
          {t('care.followUp.struggling')}
        </SubmitButton>
        <SubmitButton name="answer" value="help" className="button primary">
          {t('care.followUp.help')}
        </SubmitButton>
      </SafeForm>
    </section>
  )
}
