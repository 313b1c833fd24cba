import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { selfcare, selfcareForms } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { GoalForm } from '../components/selfcare/goal-form'
import { GoalCheckInList, GoalProgress, GoalStatusBadge } from '../components/selfcare/goal-parts'
import { requireUser } from '../utils/auth.server'
import { noticeFrom, rethrowNotFound } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const goal = await selfcare.getGoal(context.deps, account, params.goalId ?? '').catch(rethrowNotFound)
  const [groups, today] = await Promise.all([
    selfcare.goalGroupChoices(context.deps, account),
    selfcare.getLocalToday(context.deps, account),
  ])
  return { goal, groups, today: today.date, done: noticeFrom(request) }
}

const INTENTS = ['edit', 'add-step', 'toggle-step', 'remove-step', 'check-in', 'status', 'delete'] as const

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(INTENTS).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  const goalId = params.goalId ?? ''
  const here = `/care/goals/${goalId}`
  try {
    switch (intent.data) {
      case 'edit': {
        const parsed = parseForm(selfcareForms.goalEditSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'edit' })
        await selfcare.editGoal(context.deps, account, goalId, parsed.data)
        return redirect(`${here}?done=goal`)
      }
      case 'add-step': {
        const parsed = parseForm(selfcareForms.goalStepSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'step' })
        await selfcare.addGoalStep(context.deps, account, goalId, parsed.data.text)
        return redirect(here)
      }
      case 'toggle-step': {
        const parsed = parseForm(selfcareForms.goalStepToggleSchema, form)
        if ('errors' in parsed) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
        await selfcare.setGoalStepDone(context.deps, account, goalId, parsed.data.stepId, parsed.data.done)
        return redirect(here)
      }
      case 'remove-step': {
        await selfcare.removeGoalStep(context.deps, account, goalId, String(form.get('stepId') ?? ''))
        return redirect(here)
      }
      case 'check-in': {
        const parsed = parseForm(selfcareForms.goalCheckInSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'check-in' })
        await selfcare.addGoalCheckIn(context.deps, account, goalId, parsed.data)
        return redirect(`${here}?done=goal`)
      }
      case 'status': {
        const parsed = parseForm(selfcareForms.goalStatusSchema, form)
        if ('errors' in parsed) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
        await selfcare.setGoalStatus(context.deps, account, goalId, parsed.data.status)
        return redirect(`${here}?done=goal`)
      }
      case 'delete':
        await selfcare.deleteGoal(context.deps, account, goalId)
        return redirect('/care/goals?done=deleted')
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function Goal() {
  const t = useT()
  const { goal, groups, today, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  const errorsFor = (kind: string) => (failed?.kind === kind ? failed : undefined)
  return (
    <div className="care">
      <CareBack to="/care/goals" label={t('care.goals.title')} />
      <CareNotice done={done} />
      <FormError code={failed && !failed.kind ? failed.formError : undefined} />
      <h1>
        {goal.title} <GoalStatusBadge status={goal.status} />
      </h1>
      <p className="help">
        {goal.group ? t('care.goals.sharedWith', { group: goal.group.title }) : t('care.goals.private')}
      </p>
      {goal.why ? <p className="care-text goal-why">{goal.why}</p> : null}

      <section className="card" aria-labelledby="goal-steps">
        <h2 id="goal-steps">{t('care.goals.stepsTitle')}</h2>
        <GoalProgress progress={goal.progress} />
        {goal.steps.length === 0 ? <p>{t('care.goals.noSteps')}</p> : null}
        <ul className="goal-steps">
          {goal.steps.map((s) => (
            <li key={s.id} className={s.done ? 'done' : undefined}>
              <SafeForm className="step-toggle">
                <input type="hidden" name="intent" value="toggle-step" />
                <input type="hidden" name="stepId" value={s.id} />
                <input type="hidden" name="done" value={s.done ? 'false' : 'true'} />
                <button
                  type="submit"
                  className="step-check"
                  aria-pressed={s.done}
                  aria-label={
                    s.done ? t('care.goals.markNotDone', { step: s.text }) : t('care.goals.markDone', { step: s.text })
                  }
                >
                  <span aria-hidden="true">{s.done ? '✓' : ''}</span>
                </button>
              </SafeForm>
              <span className="step-text">{s.text}</span>
              <SafeForm>
                <input type="hidden" name="intent" value="remove-step" />
                <input type="hidden" name="stepId" value={s.id} />
                <button
                  type="submit"
                  className="link-button step-remove"
                  aria-label={t('care.goals.removeStep', { step: s.text })}
                >
                  ×
                </button>
              </SafeForm>
            </li>
          ))}
        </ul>
        <SafeForm className="inline-form">
          <FormError code={errorsFor('step')?.formError} />
          <input type="hidden" name="intent" value="add-step" />
          <Field
            label={t('care.goals.newStep')}
            type="text"
            name="text"
            required
            maxLength={200}
            error={errorsFor('step')?.fieldErrors?.text}
          />
          <SubmitButton className="button">{t('care.goals.addStep')}</SubmitButton>
        </SafeForm>
      </section>

      <section className="card" aria-labelledby="goal-checkins">
        <h2 id="goal-checkins">{t('care.goals.checkIns')}</h2>
        <SafeForm className="goal-checkin-form">
          <FormError code={errorsFor('check-in')?.formError} />
          <input type="hidden" name="intent" value="check-in" />
          <TextAreaField
            label={t('care.goals.checkInNote')}
            name="note"
            required
            maxLength={1000}
            rows={2}
            error={errorsFor('check-in')?.fieldErrors?.note}
          />
          <fieldset>
            <legend>{t('care.goals.rating')}</legend>
            <div className="rating-scale">
              <label className="score-option">
                <input type="radio" name="rating" value="" defaultChecked />
                <span>{t('care.goals.ratingNone')}</span>
              </label>
              {[1, 2, 3, 4, 5].map((r) => (
                <label key={r} className="score-option">
                  <input type="radio" name="rating" value={r} />
                  <span>{r}</span>
                </label>
              ))}
            </div>
            {errorsFor('check-in')?.fieldErrors?.rating ? (
              <p className="field-error" role="alert">
                {t.error(errorsFor('check-in')!.fieldErrors!.rating!)}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('care.goals.date')}
            name="date"
            type="date"
            required
            defaultValue={today}
            max={today}
            error={errorsFor('check-in')?.fieldErrors?.date}
          />
          <SubmitButton>{t('care.goals.addCheckIn')}</SubmitButton>
        </SafeForm>
        {goal.checkIns.length === 0 ? <p>{t('care.goals.noCheckIns')}</p> : null}
        <GoalCheckInList checkIns={goal.checkIns} />
      </section>

      <div className="actions">
        {goal.status !== 'completed' ? (
          <SafeForm>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value="completed" />
            <SubmitButton className="button">{t('care.goals.complete')}</SubmitButton>
          </SafeForm>
        ) : null}
        {goal.status !== 'archived' ? (
          <SafeForm>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value="archived" />
            <SubmitButton className="button">{t('care.goals.archive')}</SubmitButton>
          </SafeForm>
        ) : null}
        {goal.status !== 'active' ? (
          <SafeForm>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value="active" />
            <SubmitButton className="button">{t('care.goals.reactivate')}</SubmitButton>
          </SafeForm>
        ) : null}
      </div>

      <details className="card" open={failed?.kind === 'edit'}>
        <summary>{t('care.goals.edit')}</summary>
        <GoalForm
          groups={groups}
          goal={goal}
          errors={errorsFor('edit')}
          withSteps={false}
          submitLabel={t('care.goals.saveChanges')}
        />
      </details>
      <details className="card danger-zone">
        <summary>{t('care.goals.deleteConfirm')}</summary>
        <SafeForm>
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton className="button danger">{t('care.goals.delete')}</SubmitButton>
        </SafeForm>
      </details>
    </div>
  )
}
