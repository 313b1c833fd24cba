import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  acknowledgeIncident,
  addIncidentNote,
  crisisChatSchema,
  getIncidentDetail,
  noteSchema,
  resolveIncident,
  resolveSchema,
  revealMemberIdentity,
  revealSchema,
  sendCrisisChat,
  CRISIS_OUTCOMES,
} from '../services.server'
import { crisisFollowUp, selfcare } from '../services.server'
import { SafetyPlanSections } from '../components/selfcare/safety-plan-form'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { useReader } from '../utils/time'
import { CrisisChat } from '../components/crisis/crisis-chat'
import { countryName, memberLabelText } from '../components/crisis/country-name'
import { useCrisisLive } from '../components/crisis/use-crisis-live'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const idSchema = z.string().uuid()

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'crisis:console')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw new Response('Not found', { status: 404 })
  try {
    const incident = await getIncidentDetail(
      context.deps,
      { accountId: account.accountId, role: account.role },
      id.data,
    )
    const actor = { accountId: account.accountId, role: account.role }
    // Whether a shared safety plan can be opened (no content, nothing audited), and the follow-ups after resolving.
    const [followUps, planShared] = await Promise.all([
      crisisFollowUp.listIncidentFollowUps(context.deps, actor, id.data),
      selfcare.hasSharedSafetyPlan(context.deps, actor, id.data),
    ])
    return {
      incident,
      outcomes: CRISIS_OUTCOMES,
      followUps,
      planShared,
      followUpWindows: crisisFollowUp.FOLLOW_UP_WINDOW_HOURS,
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

type Revealed = { ok: true; intent: 'reveal'; revealed: { legalName: string | null; emergencyContact: string | null } }
type Done = { ok: true; intent: 'ack' | 'note' | 'resolve' | 'chat' }
type PlanShown = { ok: true; intent: 'plan'; plan: Awaited<ReturnType<typeof selfcare.openSharedSafetyPlan>> }

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'crisis:console')
  const actor = { accountId: account.accountId, role: account.role }
  const form = await readFormWithCsrf(request, context)
  const id = idSchema.safeParse(params.id)
  const intent = z.enum(['ack', 'note', 'resolve', 'chat', 'reveal', 'plan']).safeParse(form.get('intent'))
  if (!id.success || !intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    switch (intent.data) {
      case 'ack':
        await acknowledgeIncident(context.deps, actor, id.data)
        return data({ ok: true, intent: 'ack' } satisfies Done)
      case 'note': {
        const parsed = parseForm(noteSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        await addIncidentNote(context.deps, actor, id.data, parsed.data.body)
        return data({ ok: true, intent: 'note' } satisfies Done)
      }
      case 'resolve': {
        const parsed = parseForm(resolveSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        const followUp = parsed.data.outcome === 'follow_up' ? parseForm(crisisFollowUp.followUpFormSchema, form) : null
        if (followUp && 'errors' in followUp) return formFailure(followUp.errors)
        await resolveIncident(context.deps, actor, id.data, {
          outcome: parsed.data.outcome,
          note: parsed.data.note || undefined,
          followUp: followUp?.data,
        })
        return data({ ok: true, intent: 'resolve' } satisfies Done)
      }
      case 'chat': {
        const parsed = parseForm(crisisChatSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        await sendCrisisChat(context.deps, actor, id.data, parsed.data.body)
        return data({ ok: true, intent: 'chat' } satisfies Done)
      }
      case 'plan': {
        // Each opening is audited in core; the plan is shown once, to this clinician, never cached.
        const plan = await selfcare.openSharedSafetyPlan(context.deps, actor, id.data)
        return data({ ok: true, intent: 'plan', plan } satisfies PlanShown, {
          headers: { 'Cache-Control': 'no-store' },
        })
      }
      case 'reveal': {
        const parsed = parseForm(revealSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        const revealed = await revealMemberIdentity(context.deps, actor, id.data, parsed.data.reason)
        // Shown once, to this clinician only: never cached, never part of the page's loader data.
        return data({ ok: true, intent: 'reveal', revealed } satisfies Revealed, {
          headers: { 'Cache-Control': 'no-store' },
        })
      }
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

const OUTCOME_KEYS = {
  safety_plan: 'crisis.outcome.safetyPlan',
  referred: 'crisis.outcome.referred',
  emergency_services: 'crisis.outcome.emergencyServices',
  no_risk: 'crisis.outcome.noRisk',
  lost_contact: 'crisis.outcome.lostContact',
  follow_up: 'crisis.outcome.followUp',
  other: 'crisis.outcome.other',
} as const

const TIMELINE_KEYS = {
  raised: 'crisis.timeline.raised',
  signal: 'crisis.timeline.signal',
  level_raised: 'crisis.timeline.levelRaised',
  paged: 'crisis.timeline.paged',
  escalated: 'crisis.timeline.escalated',
  acknowledged: 'crisis.timeline.acknowledged',
  retriggered: 'crisis.timeline.retriggered',
  resolved: 'crisis.timeline.resolved',
  note: 'crisis.timeline.note',
  identity_revealed: 'crisis.timeline.identityRevealed',
  followup_scheduled: 'crisis.timeline.followupScheduled',
  followup_asked: 'crisis.timeline.followupAsked',
  followup_answered: 'crisis.timeline.followupAnswered',
  followup_missed: 'crisis.timeline.followupMissed',
  reopened: 'crisis.timeline.reopened',
} as const

const FOLLOW_UP_IN = {
  '1h': 'console.followUp.in.1h',
  '4h': 'console.followUp.in.4h',
  '24h': 'console.followUp.in.24h',
  '3d': 'console.followUp.in.3d',
  '7d': 'console.followUp.in.7d',
  at: 'console.followUp.in.at',
} as const

export default function IncidentPage() {
  const t = useT()
  const { incident, outcomes, followUps, planShared, followUpWindows } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Done | Revealed | PlanShown | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  useCrisisLive(['incident:paged', 'incident:updated', 'crisis:message'], (p) => p.incidentId === incident.id)
  const reader = useReader()
  // In the clinician's language and zone, the zone named ("Sun 6 Dec 2026, 06:46 GMT"), never the server's.
  const when = (iso: string) => reader.dateTime(iso)
  return (
    <>
      <p>
        <Link to="/console">{t('console.back')}</Link>
      </p>
      <h1>
        {t('console.incident')}: {memberLabelText(t, incident.memberLabel)}
      </h1>
      <FormError code={failed?.formError} />
      <section className="card" aria-label={t('console.incident')}>
        <dl className="facts">
          <dt>{t('console.level')}</dt>
          <dd>
            <span className={`level-badge level-${incident.level}`}>{t(`crisis.level.${incident.level}`)}</span>
          </dd>
          <dt>{t('console.status')}</dt>
          <dd data-testid="incident-status">{t(`crisis.state.${incident.status}`)}</dd>
          <dt>{t('console.source')}</dt>
          <dd>{t(`crisis.source.${incident.source}`)}</dd>
          <dt>{t('console.raised')}</dt>
          <dd>
            <time dateTime={incident.raisedAt}>{when(incident.raisedAt)}</time>
          </dd>
          <dt>{t('console.step')}</dt>
          <dd>{t('console.stepValue', { level: incident.escalationLevel + 1, repeat: incident.repeat + 1 })}</dd>
          <dt>{t('console.language')}</dt>
          <dd>{incident.memberLocale.toUpperCase()}</dd>
          <dt>{t('console.country')}</dt>
          <dd data-testid="incident-country">
            {countryName(t, incident.memberCountry)}
            {incident.memberCountry ? ` (${incident.memberCountry})` : ''}
          </dd>
        </dl>
        <div className="actions">
          {incident.status === 'open' ? (
            <SafeForm>
              <input type="hidden" name="intent" value="ack" />
              <SubmitButton>{t('console.ack')}</SubmitButton>
            </SafeForm>
          ) : null}
        </div>
      </section>

      {incident.memberNotes.length > 0 ? (
        <section className="card member-words" aria-labelledby="member-words" data-testid="member-words">
          <h2 id="member-words">{t('console.memberNote.title')}</h2>
          <p className="help">{t('console.memberNote.help')}</p>
          {incident.memberNotes.map((n, i) => (
            <blockquote key={i} className="message-text">
              <p>{n.body}</p>
              <footer>
                <time dateTime={n.at}>{when(n.at)}</time>
              </footer>
            </blockquote>
          ))}
        </section>
      ) : null}

      <section className="card" aria-labelledby="signals">
        <h2 id="signals">{t('console.signals')}</h2>
        <ul>
          {incident.signals.map((s, i) => (
            <li key={i}>
              {t(`crisis.source.${s.source}`)} · {t(`crisis.level.${s.level}`)} ·{' '}
              <time dateTime={s.createdAt}>{when(s.createdAt)}</time>
              {s.messageId ? (
                <>
                  {' '}
                  ·{' '}
                  {t('console.signal.message', {
                    room: (s.roomId ?? '').slice(0, 8),
                    message: s.messageId.slice(0, 8),
                  })}
                </>
              ) : null}
              {s.notDelivered ? <> · {t('console.signal.notDelivered')}</> : null}
              {s.source === 'facilitator' && s.reason ? (
                <> · {t('console.signal.reason', { reason: s.reason })}</>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {incident.context.map((c) => (
        <section
          key={c.messageId}
          className="card"
          aria-labelledby={`context-${c.messageId}`}
          data-testid="message-context"
        >
          <h2 id={`context-${c.messageId}`}>
            {c.kind === 'direct_message'
              ? t('console.context.directTitle', { group: c.roomTitle })
              : t('console.context.title', { room: c.roomTitle })}
          </h2>
          <ol className="context-messages">
            {c.messages.map((m) => (
              <li
                key={m.seq}
                className={m.trigger ? 'context-trigger' : undefined}
                aria-current={m.trigger ? 'true' : undefined}
              >
                <strong>{m.pseudonym}</strong> <time dateTime={m.at}>{when(m.at)}</time>
                {m.trigger ? <span className="crisis-tag">{t('console.context.trigger')}</span> : null}
                <p className="message-text">{m.body ?? t('console.context.deleted')}</p>
              </li>
            ))}
          </ol>
        </section>
      ))}

      <section className="card" aria-labelledby="safety-plan" data-testid="plan-section">
        <h2 id="safety-plan">{t('console.plan.title')}</h2>
        {result?.ok && result.intent === 'plan' ? (
          <>
            <p className="help">{t('console.plan.updated', { when: when(result.plan.updatedAt) })}</p>
            <SafetyPlanSections sections={result.plan.sections} language={result.plan.language} />
          </>
        ) : planShared ? (
          <>
            <p>{t('console.plan.shared')}</p>
            <SafeForm>
              <input type="hidden" name="intent" value="plan" />
              <SubmitButton className="button">{t('console.plan.open')}</SubmitButton>
            </SafeForm>
          </>
        ) : (
          <p className="help">{t('console.plan.none')}</p>
        )}
      </section>

      {followUps.length > 0 ? (
        <section className="card" aria-labelledby="follow-ups" data-testid="follow-ups">
          <h2 id="follow-ups">{t('console.followUps')}</h2>
          <ul>
            {followUps.map((f) => (
              <li key={f.id} data-status={f.status}>
                {t('console.followUp.row', { due: when(f.dueAt), deadline: when(f.deadline) })} —{' '}
                {t(`console.followUp.status.${f.status}`)}
                {f.answer ? <> · {t(`console.followUp.answer.${f.answer}`)}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CrisisChat messages={incident.chat} viewer="clinician" disabled={incident.status === 'resolved'} />

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">{t('console.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {incident.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{when(e.at)}</time> —{' '}
              {t(TIMELINE_KEYS[e.kind as keyof typeof TIMELINE_KEYS] ?? 'crisis.timeline.signal')}
              {e.escalationLevel !== null && e.repeat !== null
                ? ` (${t('console.stepValue', { level: e.escalationLevel + 1, repeat: e.repeat + 1 })})`
                : ''}
              {e.actor ? ` · ${e.actor}` : ''}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="notes">
        <h2 id="notes">{t('console.notes')}</h2>
        <ul>
          {incident.notes.map((n, i) => (
            <li key={i}>
              <strong>{n.author ?? '—'}</strong> ({when(n.at)}): {n.body}
            </li>
          ))}
        </ul>
        <SafeForm key={incident.notes.length}>
          <input type="hidden" name="intent" value="note" />
          <div className="field">
            <label htmlFor="note-body">{t('console.note.label')}</label>
            <textarea id="note-body" name="body" required maxLength={4000} rows={2} />
          </div>
          <SubmitButton className="button">{t('console.note.save')}</SubmitButton>
        </SafeForm>
      </section>

      {incident.status !== 'resolved' ? (
        <section className="card" aria-labelledby="resolve">
          <h2 id="resolve">{t('console.resolve')}</h2>
          <SafeForm>
            <input type="hidden" name="intent" value="resolve" />
            <div className="field">
              <label htmlFor="outcome">{t('console.resolve.outcome')}</label>
              <select id="outcome" name="outcome" required>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(OUTCOME_KEYS[o])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="resolve-note">{t('console.resolve.note')}</label>
              <textarea id="resolve-note" name="note" maxLength={4000} rows={2} />
            </div>
            <fieldset className="follow-up-fields">
              <legend>{t('console.followUp.legend')}</legend>
              <p className="help">{t('console.followUp.help')}</p>
              <div className="field">
                <label htmlFor="follow-up-in">{t('console.followUp.when')}</label>
                <select id="follow-up-in" name="followUpIn" defaultValue="24h">
                  {Object.entries(FOLLOW_UP_IN).map(([value, key]) => (
                    <option key={value} value={value}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                label={t('console.followUp.at')}
                name="followUpAt"
                type="datetime-local"
                error={failed?.fieldErrors?.followUpAt}
              />
              <div className="field">
                <label htmlFor="follow-up-window">{t('console.followUp.window')}</label>
                <select id="follow-up-window" name="answerWithinHours" defaultValue="12">
                  {followUpWindows.map((h) => (
                    <option key={h} value={h}>
                      {t('console.followUp.hours', { hours: h })}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
            <SubmitButton className="button">{t('console.resolve')}</SubmitButton>
          </SafeForm>
        </section>
      ) : null}

      <section className="card" aria-labelledby="reveal">
        <h2 id="reveal">{t('console.reveal.title')}</h2>
        <p className="help">{t('console.reveal.help')}</p>
        {result?.ok && result.intent === 'reveal' ? (
          <dl className="facts revealed" data-testid="revealed">
            <dt>{t('console.reveal.legalName')}</dt>
            <dd>{result.revealed.legalName ?? t('console.reveal.none')}</dd>
            <dt>{t('console.reveal.emergencyContact')}</dt>
            <dd>{result.revealed.emergencyContact ?? t('console.reveal.none')}</dd>
          </dl>
        ) : (
          <SafeForm>
            <input type="hidden" name="intent" value="reveal" />
            <Field
              label={t('console.reveal.reason')}
              name="reason"
              type="text"
              required
              minLength={10}
              maxLength={500}
              autoComplete="off"
              error={failed?.fieldErrors?.reason}
            />
            <SubmitButton className="button danger">{t('console.reveal.submit')}</SubmitButton>
          </SafeForm>
        )}
      </section>
    </>
  )
}
