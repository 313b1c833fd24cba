import { Field, FormError, SafeForm, SelectField, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'

export interface GoalFormErrors {
  formError?: string
  fieldErrors?: Record<string, string>
}

/** New goal (with steps) or editing one (without: steps are ticked and added on the goal's page). */
export function GoalForm({
  groups,
  goal,
  errors,
  withSteps,
  submitLabel,
}: {
  groups: Array<{ id: string; title: string }>
  goal?: { title: string; why: string; group: { id: string; title: string } | null }
  errors?: GoalFormErrors
  withSteps: boolean
  submitLabel: string
}) {
  const t = useT()
  const choices = [...groups]
  if (goal?.group && !choices.some((g) => g.id === goal.group!.id)) choices.push(goal.group)
  return (
    <SafeForm className="goal-form">
      <FormError code={errors?.formError} />
      <input type="hidden" name="intent" value="edit" />
      <Field
        label={t('care.goals.goal')}
        type="text"
        name="title"
        required
        maxLength={120}
        defaultValue={goal?.title}
        error={errors?.fieldErrors?.title}
      />
      <TextAreaField
        label={t('care.goals.why')}
        name="why"
        maxLength={1000}
        rows={3}
        defaultValue={goal?.why}
        error={errors?.fieldErrors?.why}
      />
      {withSteps ? (
        <TextAreaField label={t('care.goals.steps')} name="steps" rows={4} error={errors?.fieldErrors?.steps} />
      ) : null}
      <SelectField
        label={t('care.goals.group')}
        help={t('care.goals.groupHelp')}
        name="groupId"
        defaultValue={goal?.group?.id ?? ''}
        options={[
          { value: '', label: t('care.goals.groupNone') },
          ...choices.map((g) => ({ value: g.id, label: g.title })),
        ]}
        error={errors?.fieldErrors?.groupId}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </SafeForm>
  )
}
