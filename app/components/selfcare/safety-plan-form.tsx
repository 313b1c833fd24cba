import { FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'
import type { MessageKey } from '../../i18n/i18n'

/** The seven Stanley–Brown steps in order; each a plain textarea, one item per line (works without JavaScript). */
export function SafetyPlanForm({
  sections,
  content,
  errors,
}: {
  sections: readonly string[]
  content: Record<string, string> | null
  errors?: { formError?: string; fieldErrors?: Record<string, string> }
}) {
  const t = useT()
  return (
    <SafeForm className="safety-plan-form">
      <FormError code={errors?.formError} />
      <input type="hidden" name="intent" value="save" />
      {sections.map((section) => (
        <TextAreaField
          key={section}
          label={t(`care.plan.section.${section}` as MessageKey)}
          help={`${t(`care.plan.section.${section}.help` as MessageKey)} ${t('care.plan.onePerLine')}`}
          name={section}
          maxLength={2000}
          rows={4}
          defaultValue={content?.[section] ?? ''}
          error={errors?.fieldErrors?.[section]}
        />
      ))}
      <p className="help">{t('care.plan.private')}</p>
      <SubmitButton>{t('care.plan.save')}</SubmitButton>
    </SafeForm>
  )
}

/** What a clinician sees: the member's own lines under each step's title, in the language they wrote in. */
export function SafetyPlanSections({
  sections,
  language,
}: {
  sections: Array<{ section: string; items: string[] }>
  language: 'en' | 'pl'
}) {
  const t = useT()
  return (
    <div className="safety-plan" data-testid="safety-plan">
      {sections.map(({ section, items }) => (
        <section key={section} aria-labelledby={`plan-${section}`}>
          <h3 id={`plan-${section}`}>{t(`care.plan.section.${section}` as MessageKey)}</h3>
          {items.length > 0 ? (
            <ul lang={language}>
              {items.map((item, i) => (
                <li key={i} className="care-text">
                  {item}
                </li>
              ))}
            </ul>
          ) : (
            <p className="help">{t('console.plan.empty')}</p>
          )}
        </section>
      ))}
    </div>
  )
}
