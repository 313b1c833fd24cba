import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useId, useState } from 'react'
import { actFormSchema, decideAppealSchema, moderation } from '../services.server'
import { FormError, SafeForm } from '../components/forms'
import { useT } from '../components/i18n'
import { useReader } from '../utils/time'
import { useLiveRevalidate } from '../components/use-live-revalidate'
import { connectSocket, request } from '../components/chat/socket'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/moderation.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Moderation · Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'moderation:act')
  return moderation.getModerationQueue(context.deps, account)
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'moderation:act')
  const form = await readFormWithCsrf(request, context)
  try {
    if (form.get('intent') === 'decide') {
      const parsed = parseForm(decideAppealSchema, form)
      if ('errors' in parsed) return formFailure(parsed.errors)
      await moderation.decideAppeal(context.deps, account, parsed.data)
    } else {
      const parsed = parseForm(actFormSchema, form)
      if ('errors' in parsed) return formFailure(parsed.errors)
      await moderation.takeModerationAction(context.deps, account, parsed.data)
    }
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

type Queue = ReturnType<typeof useLoaderData<typeof loader>>
type Flag = Queue['flags'][number]

/** The queue refreshes itself whenever the worker announces a flag in one of the facilitator's rooms. */
function useLiveQueue() {
  const refresh = useLiveRevalidate()
  const [live, setLive] = useState(false)
  useEffect(() => {
    const socket = connectSocket()
    const watch = async () => {
      const reply = await request(socket, 'moderation:watch', {})
      setLive(reply.ok)
      refresh()
    }
    socket.on('connect', () => void watch())
    socket.on('disconnect', () => setLive(false))
    socket.on('moderation:flagged', refresh)
    socket.on('moderation:appealed', refresh)
    return () => {
      socket.removeAllListeners()
      socket.disconnect()
    }
  }, [refresh])
  return live
}

export default function ModerationQueue() {
  const t = useT()
  const reader = useReader()
  const queue = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  const live = useLiveQueue()
  return (
    <>
      <h1>{t('mod.queue.title')}</h1>
      <p>{t('mod.queue.intro')}</p>
      <p>
        <Link to="/rota">{t('rota.title')}</Link>
      </p>
      <p className={`mod-live${live ? '' : ' offline'}`} role="status" data-testid="queue-live">
        {live ? t('mod.queue.live') : t('mod.queue.offline')}
      </p>
      <FormError
        code={result && !result.ok ? (result.formError ?? Object.values(result.fieldErrors ?? {})[0]) : undefined}
      />
      {result?.ok ? (
        <p className="notice" role="status">
          {t('mod.action.done')}
        </p>
      ) : null}

      <section aria-labelledby="flags-title">
        <h2 id="flags-title">{t('mod.queue.title')}</h2>
        {queue.flags.length === 0 ? <p data-testid="queue-empty">{t('mod.queue.empty')}</p> : null}
        <ol className="mod-flags" data-testid="queue">
          {queue.flags.map((flag) => (
            <FlagCard key={flag.flagId} flag={flag} />
          ))}
        </ol>
      </section>

      {queue.appeals.length > 0 ? (
        <section aria-labelledby="appeals-title">
          <h2 id="appeals-title">{t('mod.appeals.queueTitle')}</h2>
          <ul className="appeal-list">
            {queue.appeals.map((appeal) => (
              <li key={appeal.appealId} className="card" data-testid="appeal">
                <h3>
                  {t(appeal.kind === 'removal' ? 'mod.kind.removal' : `mod.kind.${appeal.kind}`)} · {appeal.roomTitle} ·{' '}
                  {appeal.pseudonym}
                </h3>
                {appeal.sanction ? (
                  <p>
                    {t('mod.appeals.until', { until: reader.dateTime(appeal.sanction.endsAt, { year: false }) })}{' '}
                    {appeal.sanction.reason}
                  </p>
                ) : null}
                {appeal.messageBody ? <blockquote className="rules-text">{appeal.messageBody}</blockquote> : null}
                <p className="appeal-body">{appeal.body}</p>
                <SafeForm>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="appealId" value={appeal.appealId} />
                  <Note label={t('mod.appeals.note')} name="note" />
                  <div className="row">
                    <button type="submit" name="decision" value="upheld" className="button">
                      {t('mod.appeals.uphold')}
                    </button>
                    <button type="submit" name="decision" value="overturned" className="button primary">
                      {t('mod.appeals.overturn')}
                    </button>
                  </div>
                </SafeForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {/* The flags come first (issue 18); each room's slow mode and lock sit below, collapsed (works without JavaScript). */}
      <details className="mod-rooms-panel" data-testid="room-controls">
        <summary>
          <h2 id="rooms-title">{t('mod.queue.rooms')}</h2>
        </summary>
        {queue.rooms.length === 0 ? <p>{t('mod.queue.noRooms')}</p> : null}
        <ul className="mod-rooms">
          {queue.rooms.map((room) => (
            <RoomControls key={room.id} room={room} />
          ))}
        </ul>
      </details>
    </>
  )
}

function Note({ label, name }: { label: string; name: string }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" maxLength={500} autoComplete="off" />
    </div>
  )
}

function RoomControls({ room }: { room: Queue['rooms'][number] }) {
  const t = useT()
  const id = useId()
  return (
    <li className="card mod-room">
      <strong>{room.title}</strong>
      {room.locked ? <span className="badge">{t('mod.room.locked')}</span> : null}
      {room.slowModeSeconds > 0 ? (
        <span className="badge">{t('mod.room.slowMode', { seconds: room.slowModeSeconds })}</span>
      ) : null}
      <SafeForm>
        <input type="hidden" name="roomId" value={room.id} />
        <input type="hidden" name="action" value="slow_mode" />
        <div className="field">
          <label htmlFor={`${id}-slow`}>{t('mod.action.slowMode')}</label>
          <input
            id={`${id}-slow`}
            name="slowModeSeconds"
            type="number"
            min={0}
            max={3600}
            defaultValue={room.slowModeSeconds}
          />
        </div>
        <button type="submit" className="button small">
          {t('mod.action.setSlowMode')}
        </button>
      </SafeForm>
      <SafeForm>
        <input type="hidden" name="roomId" value={room.id} />
        <input type="hidden" name="action" value={room.locked ? 'unlock' : 'lock'} />
        <button type="submit" className="button small">
          {room.locked ? t('mod.action.unlock') : t('mod.action.lock')}
        </button>
      </SafeForm>
    </li>
  )
}

function FlagCard({ flag }: { flag: Flag }) {
  const t = useT()
  const reader = useReader()
  const id = useId()
  const hidden = (
    <>
      <input type="hidden" name="roomId" value={flag.roomId} />
      <input type="hidden" name="flagId" value={flag.flagId} />
    </>
  )
  const status = flag.message.status
  return (
    <li className={`card mod-flag stage-${flag.stage}`} data-testid="flag" data-priority={flag.priority}>
      <h3>
        {t(`mod.category.${flag.category}`)} · {flag.roomTitle} ·{' '}
        {t('mod.flag.member', { name: flag.member.pseudonym })}
      </h3>
      <p className="mod-facts">
        <span>{t('mod.flag.priority', { priority: flag.priority })}</span>
        <span>{t(`mod.flag.source.${flag.source}`)}</span>
        <span>{t('mod.flag.reports', { count: flag.reports.count })}</span>
        <span>{t('mod.flag.deadline', { time: reader.dateTime(flag.deadlineAt, { year: false }) })}</span>
        {flag.stage === 1 ? <strong>{t('mod.flag.stage1')}</strong> : null}
        {flag.stage === 2 ? <strong>{t('mod.flag.stage2')}</strong> : null}
      </p>
      <SafeForm className="mod-claim">
        {hidden}
        <input type="hidden" name="action" value="claim" />
        <span data-testid="flag-owner">{t(`mod.flag.owner.${flag.owner}`)}</span>{' '}
        {flag.owner !== 'you' ? (
          <button type="submit" className="link-button small">
            {t('mod.action.claim')}
          </button>
        ) : null}
      </SafeForm>
      {flag.held ? <p className="notice">{t('mod.flag.held')}</p> : null}
      {flag.autoHidden ? <p className="notice">{t('mod.flag.autoHidden')}</p> : null}
      <h4>{t('mod.flag.context')}</h4>
      <ol className="mod-context">
        {[...flag.context, flag.message]
          .sort((a, b) => a.seq - b.seq)
          .map((m) => (
            <li
              key={m.id}
              className={m.flagged ? 'flagged' : undefined}
              data-testid={m.flagged ? 'flagged-message' : undefined}
            >
              <span className="message-author">{m.pseudonym}</span>: {m.body ?? '—'}
              {m.status !== 'visible' ? <span className="mod-status">({t(`mod.status.${m.status}`)})</span> : null}
            </li>
          ))}
      </ol>
      {flag.reports.notes.length > 0 ? (
        <>
          <h4>{t('mod.flag.notes')}</h4>
          <ul>
            {flag.reports.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mod-history">
        <p>{t('mod.flag.history', flag.history.flags)}</p>
        <p>{t('mod.flag.sanctions')}</p>
        {flag.history.sanctions.length === 0 ? (
          <p>{t('mod.flag.noSanctions')}</p>
        ) : (
          <ul>
            {flag.history.sanctions.map((s) => (
              <li key={s.id}>
                {t(`mod.kind.${s.kind}`)} · {reader.dateTime(s.startsAt, { year: false })} –{' '}
                {reader.dateTime(s.endsAt, { year: false })} {s.active ? `(${t('mod.flag.active')})` : ''} {s.reason}
                {s.active && s.kind !== 'warning' ? (
                  <SafeForm>
                    <input type="hidden" name="roomId" value={flag.roomId} />
                    <input type="hidden" name="action" value="end_sanction" />
                    <input type="hidden" name="sanctionId" value={s.id} />
                    <button type="submit" className="link-button small">
                      {t('mod.action.end')}
                    </button>
                  </SafeForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>

      <SafeForm className="mod-actions" aria-label={t('mod.flag.member', { name: flag.member.pseudonym })}>
        {hidden}
        <Note label={t('mod.action.reason')} name="reason" />
        <div className="row">
          <button
            type="submit"
            name="action"
            value={status === 'held' ? 'release' : 'dismiss'}
            className="button small"
          >
            {status === 'held' ? t('mod.action.release') : t('mod.action.dismiss')}
          </button>
          {status === 'visible' ? (
            <button type="submit" name="action" value="hide" className="button small">
              {t('mod.action.hide')}
            </button>
          ) : null}
          {status === 'hidden' ? (
            <button type="submit" name="action" value="unhide" className="button small">
              {t('mod.action.unhide')}
            </button>
          ) : null}
          {status !== 'removed' ? (
            <button type="submit" name="action" value="remove" className="button small">
              {t('mod.action.remove')}
            </button>
          ) : null}
          <button type="submit" name="action" value="warn" className="button small">
            {t('mod.action.warn')}
          </button>
          <button type="submit" name="action" value="ban" className="button small">
            {t('mod.action.ban')}
          </button>
          <button
            type="submit"
            name="action"
            value="escalate"
            className="button small danger"
            data-testid="escalate-button"
          >
            {t('mod.action.escalate')}
          </button>
        </div>
      </SafeForm>
      <SafeForm className="mod-actions">
        {hidden}
        <input type="hidden" name="action" value="mute" />
        <Note label={t('mod.action.reason')} name="reason" />
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('mod.action.muteMinutes')}</label>
          <input id={`${id}-minutes`} name="duration" type="number" min={1} max={525600} inputMode="numeric" />
        </div>
        <div className="row">
          <button type="submit" className="button small primary" data-testid="mute-button">
            {t('mod.action.mute')}
          </button>
        </div>
      </SafeForm>
    </li>
  )
}
