import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { crisisFollowUp, safetyPlanForms, selfcare } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { SafetyPlanForm } from '../components/selfcare/safety-plan-form'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const [plan, contact] = await Promise.all([
    selfcare.getSafetyPlan(context.deps, account),
    crisisFollowUp.getFollowUpContact(context.deps, account),
  ])
  return { plan, contact, sections: safetyPlanForms.SAFETY_PLAN_SECTIONS, done: noticeFrom(request) }
}

const intentSchema = z.enum(['save', 'share', 'delete', 'contact'])

/** Save the plan, give or withdraw consent to share it, delete it, or choose the follow-up email. */
export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const intent = intentSchema.safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    switch (intent.data) {
      case 'save': {
        const parsed = parseForm(safetyPlanForms.safetyPlanSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'save' })
        await selfcare.saveSafetyPlan(context.deps, account, parsed.data)
        return redirect('/care/safety-plan?done=plan')
      }
      case 'share': {
        const parsed = parseForm(safetyPlanForms.safetyPlanSharingSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'share' })
        await selfcare.setSafetyPlanSharing(context.deps, account, parsed.data.share)
        return redirect(`/care/safety-plan?done=${parsed.data.share ? 'plan-shared' : 'plan-unshared'}`)
      }
      case 'delete':
        await selfcare.deleteSafetyPlan(context.deps, account)
        return redirect('/care/safety-plan?done=deleted')
      case 'contact': {
        const parsed = parseForm(crisisFollowUp.followUpContactSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'contact' })
        await crisisFollowUp.saveFollowUpContact(context.deps, account, parsed.data.email)
        return redirect('/care/safety-plan?done=contact')
      }
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function SafetyPlanPage() {
  const t = useT()
  const { plan, contact, sections, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack />
      <h1>{t('care.plan.title')}</h1>
      <p className="care-intro">{t('care.plan.intro')}</p>
      <CareNotice done={done} />
      <p>
        <Link to="/help">{t('care.plan.linesHint')}</Link>
      </p>
      <section className="card" aria-label={t('care.plan.title')}>
        {plan ? <p className="help">{t('care.plan.updated', { when: plan.updatedLabel })}</p> : null}
        <SafetyPlanForm
          sections={sections}
          content={plan?.content ?? null}
          errors={failed?.kind === 'save' || !failed?.kind ? failed : undefined}
        />
      </section>

      <section className="card" aria-labelledby="plan-share">
        <h2 id="plan-share">{t('care.plan.share.title')}</h2>
        <p>{t('care.plan.share.explain')}</p>
        {plan ? (
          <>
            <p className="notice" data-testid="plan-sharing" data-shared={plan.sharedAt ? 'yes' : 'no'}>
              {plan.sharedLabel ? t('care.plan.share.on', { when: plan.sharedLabel }) : t('care.plan.share.off')}
            </p>
            <SafeForm>
              <input type="hidden" name="intent" value="share" />
              <input type="hidden" name="share" value={plan.sharedAt ? 'no' : 'yes'} />
              <SubmitButton className={plan.sharedAt ? 'button' : 'button primary'}>
                {plan.sharedAt ? t('care.plan.share.no') : t('care.plan.share.yes')}
              </SubmitButton>
            </SafeForm>
          </>
        ) : (
          <p className="help">{t('care.plan.share.needsPlan')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="followup-contact">
        <h2 id="followup-contact">{t('care.followUpContact.title')}</h2>
        <p>{t('care.followUpContact.explain')}</p>
        {contact.emailAvailable ? (
          <SafeForm>
            <FormError code={failed?.kind === 'contact' ? failed.formError : undefined} />
            <input type="hidden" name="intent" value="contact" />
            <div className="field">
              <label className="choice">
                <input
                  type="checkbox"
                  name="email"
                  defaultChecked={contact.email}
                  aria-describedby="followup-email-help"
                />
                <span>{t('care.followUpContact.email')}</span>
              </label>
              <p id="followup-email-help" className="help">
                {t('care.followUpContact.emailHelp')}
              </p>
            </div>
            <SubmitButton>{t('care.followUpContact.save')}</SubmitButton>
          </SafeForm>
        ) : (
          <p className="help">{t('care.followUpContact.noEmail')}</p>
        )}
      </section>

      {plan ? (
        <details className="card danger-zone">
          <summary>{t('care.plan.delete')}</summary>
          <p>{t('care.plan.delete.explain')}</p>
          <SafeForm>
            <input type="hidden" name="intent" value="delete" />
            <SubmitButton className="button danger">{t('care.plan.delete')}</SubmitButton>
          </SafeForm>
        </details>
      ) : null}
    </div>
  )
}
