import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { decisionSchema, groups, joinRequestSchema, moveSessionSchema } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { TextAreaField, VerifiedBadge } from '../components/groups/fields'
import { SessionReminders } from '../components/groups/session-reminders'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    return await groups.getGroup(context.deps, account, params.groupId ?? '')
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

type Done = {
  ok: true
  notice:
    | 'group.join.sent'
    | 'group.left'
    | 'group.session.changed'
    | `group.decided.${'approved' | 'waitlisted' | 'declined'}`
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const groupId = params.groupId ?? ''
  const intent = z.enum(['join', 'decide', 'leave', 'cancel-session', 'move-session']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    switch (intent.data) {
      case 'join': {
        const parsed = parseForm(joinRequestSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'join' })
        await groups.requestToJoin(context.deps, account, groupId, parsed.data)
        return { ok: true, notice: 'group.join.sent' } satisfies Done
      }
      case 'decide': {
        const parsed = parseForm(decisionSchema, form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        const status = await groups.decideJoinRequest(context.deps, account, groupId, parsed.data)
        return { ok: true, notice: `group.decided.${status as 'approved' | 'waitlisted' | 'declined'}` } satisfies Done
      }
      case 'leave':
        await groups.leaveGroup(context.deps, account, groupId)
        return { ok: true, notice: 'group.left' } satisfies Done
      case 'cancel-session':
        await groups.cancelSession(context.deps, account, String(form.get('sessionId') ?? ''))
        return { ok: true, notice: 'group.session.changed' } satisfies Done
      case 'move-session': {
        const parsed = parseForm(moveSessionSchema.extend({ sessionId: z.string().uuid() }), form)
        if ('errors' in parsed) return formFailure(parsed.errors)
        await groups.moveSession(context.deps, account, parsed.data.sessionId, parsed.data)
        return { ok: true, notice: 'group.session.changed' } satisfies Done
      }
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}

function Credentials({ card }: { card: Awaited<ReturnType<typeof loader>>['facilitatorCard'] }) {
  const t = useT()
  return (
    <div>
      <h3>
        {card.displayName} <VerifiedBadge verified={card.verified} />
      </h3>
      <dl className="facts credentials">
        {card.education ? (
          <>
            <dt>{t('group.credentials.education')}</dt>
            <dd>{card.education}</dd>
          </>
        ) : null}
        {card.experience ? (
          <>
            <dt>{t('group.credentials.experience')}</dt>
            <dd>{card.experience}</dd>
          </>
        ) : null}
        {card.approach ? (
          <>
            <dt>{t('group.credentials.approach')}</dt>
            <dd>{card.approach}</dd>
          </>
        ) : null}
        <dt>{t('group.credentials.languages')}</dt>
        <dd>{card.languages.map((l) => t(`groups.language.${l as 'en' | 'pl'}`)).join(', ')}</dd>
        <dt>{t('group.credentials.licence')}</dt>
        <dd>
          {t('group.credentials.licenceValue', { number: card.licenceNumber, jurisdiction: card.licenceJurisdiction })}
        </dd>
      </dl>
    </div>
  )
}

export default function Group() {
  const t = useT()
  const g = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Done | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  const isFacilitator = g.viewerRole === 'facilitator' || g.viewerRole === 'co-facilitator'
  const canJoin = !isFacilitator && (g.myStatus === null || g.myStatus === 'left' || g.myStatus === 'declined')
  const enrolled = g.myStatus === 'approved' || isFacilitator
  return (
    <>
      <p>
        <Link to="/groups">← {t('nav.groups')}</Link>
      </p>
      <h1 lang={g.language}>{g.title}</h1>
      <SessionReminders />
      {result?.ok ? (
        <p className="notice" role="status">
          {t(result.notice)}
        </p>
      ) : null}
      <FormError code={failed?.formError} />
      <p className="group-meta">
        <span>
          {t('groups.topic')}: {g.topic}
        </span>
        <span>{t(`groups.language.${g.language}`)}</span>
        <span>{t('groups.seats', { taken: g.seatsTaken, capacity: g.capacity })}</span>
        {g.myStatus ? (
          <span className="badge" data-testid="my-status">
            {t(`groups.status.${g.myStatus}`)}
          </span>
        ) : null}
      </p>
      <p lang={g.language}>{g.description}</p>
      {g.waitlistPosition ? (
        <p className="notice">{t('group.waitlist.position', { position: g.waitlistPosition })}</p>
      ) : null}
      {g.viewerRole === 'facilitator' ? (
        <p>
          <Link className="button" to={`/groups/${g.id}/edit`}>
            {t('group.edit')}
          </Link>
        </p>
      ) : null}
      {enrolled ? (
        <p className="group-meta">
          <Link to={`/groups/${g.id}/homework`}>{t('homework.groupLink')}</Link>
          <Link to={`/groups/${g.id}/library`}>{t('library.groupLink')}</Link>
        </p>
      ) : null}

      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions">{t('group.sessions')}</h2>
        <p className="help">{t('group.duration', { minutes: g.durationMinutes })}</p>
        {g.nextSessions.length === 0 ? <p>{t('groups.noSessions')}</p> : null}
        <ul className="session-list">
          {g.nextSessions.map((s) => (
            <li key={s.id}>
              <time className="when" dateTime={s.startsAt}>
                {s.startsLabel}
              </time>
              {s.status === 'cancelled' ? <span className="badge">{t('group.session.cancelled')}</span> : null}
              {s.status === 'moved' ? <span className="badge">{t('group.session.moved')}</span> : null}
              {s.status === 'live' ? <span className="badge verified">{t('group.session.live')}</span> : null}
              {enrolled && s.status !== 'cancelled' ? (
                <Link to={`/sessions/${s.id}`}>{t('group.session.open')}</Link>
              ) : null}
              {isFacilitator && (s.status === 'scheduled' || s.status === 'moved') ? (
                <>
                  <SafeForm>
                    <input type="hidden" name="intent" value="cancel-session" />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button type="submit" className="link-button">
                      {t('group.session.cancel')}
                    </button>
                  </SafeForm>
                  <SafeForm className="inline-form">
                    <input type="hidden" name="intent" value="move-session" />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Field
                      label={t('group.session.move')}
                      help={t('group.session.moveHelp', { zone: g.timeZone })}
                      name="startsLocal"
                      type="datetime-local"
                      required
                    />
                    <SubmitButton className="button">{t('group.session.moveSubmit')}</SubmitButton>
                  </SafeForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="facilitators">
        <h2 id="facilitators">{t('group.facilitators')}</h2>
        <Credentials card={g.facilitatorCard} />
        {g.coFacilitatorCard ? (
          <>
            <p className="help">{t('group.coFacilitator')}</p>
            <Credentials card={g.coFacilitatorCard} />
          </>
        ) : null}
        {g.viewerRole === 'member' ? (
          <p>
            <Link className="button" to={`/messages/new?group=${g.id}`}>
              {t('messages.startFromGroup')}
            </Link>
          </p>
        ) : null}
      </section>

      {canJoin ? (
        <section className="card" aria-labelledby="join">
          <h2 id="join">{t('group.join.title')}</h2>
          <SafeForm>
            <input type="hidden" name="intent" value="join" />
            <TextAreaField
              label={g.intakeQuestion}
              name="answer"
              required
              maxLength={2000}
              error={failed?.fieldErrors?.answer}
            />
            <Field
              label={t('group.join.pseudonym')}
              help={t('group.join.pseudonymHelp')}
              name="pseudonym"
              type="text"
              required
              maxLength={40}
              autoComplete="off"
              error={failed?.fieldErrors?.pseudonym}
            />
            <SubmitButton>{t('group.join.submit')}</SubmitButton>
          </SafeForm>
        </section>
      ) : null}

      {!isFacilitator && g.myStatus && ['requested', 'approved', 'waitlisted'].includes(g.myStatus) ? (
        <SafeForm>
          <input type="hidden" name="intent" value="leave" />
          <SubmitButton className="button">{t('group.leave')}</SubmitButton>
        </SafeForm>
      ) : null}

      {g.roster ? (
        <section className="card" aria-labelledby="roster">
          <h2 id="roster">{t('group.roster')}</h2>
          <p>
            <Link to={`/care/groups/${g.id}/goals`}>{t('care.groupGoals.link')}</Link>
          </p>
          <p>
            <Link to={`/groups/${g.id}/measures`}>{t('measures.group.link')}</Link>
          </p>
          <p>
            <Link to={`/groups/${g.id}/sessions`}>{t('sessionnotes.groupLink')}</Link>
          </p>
          {g.roster.length === 0 ? <p>{t('group.roster.empty')}</p> : null}
          <ul className="roster">
            {g.roster.map((m) => (
              <li key={m.pseudonym}>
                <p>
                  <strong>{m.pseudonym}</strong>{' '}
                  <span className="badge">
                    {m.waitlistPosition
                      ? t('group.roster.waitlist', { position: m.waitlistPosition })
                      : t(`groups.status.${m.status}`)}
                  </span>
                </p>
                <p className="help">{m.requestedAt}</p>
                <p className="answer">
                  <span className="visually-hidden">{t('group.roster.answer')}: </span>
                  {m.answer}
                </p>
                {m.status === 'requested' ? (
                  <SafeForm className="actions">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="member" value={m.pseudonym} />
                    <SubmitButton name="decision" value="approve">
                      {t('group.roster.approve')}
                    </SubmitButton>
                    <SubmitButton className="button" name="decision" value="decline">
                      {t('group.roster.decline')}
                    </SubmitButton>
                  </SafeForm>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
