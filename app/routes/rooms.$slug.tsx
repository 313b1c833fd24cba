import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { AppError, crisisLinesFor, enterRoom, enterRoomSchema, getRoomEntry, roomOpenings } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { ChatRoom } from '../components/chat/chat-room'
import { RoomClosed } from '../components/rooms/room-closed'
import { getCountry } from '../utils/locale.server'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import chatStyles from '../styles/chat.css'
import crisisStyles from '../styles/crisis.css'
import roomHoursStyles from '../styles/roomhours.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chatStyles },
  { rel: 'stylesheet', href: crisisStyles },
  { rel: 'stylesheet', href: roomHoursStyles },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.room.title} · Holdspace` : 'Holdspace' },
]

async function loadEntry(context: LoaderFunctionArgs['context'], request: Request, slug: string | undefined) {
  const account = requireUser(context, request)
  try {
    return { ...(await getRoomEntry(context.deps, account, slug ?? '')), role: account.role }
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

/** Only the room and the member's own pseudonym: nothing about other members is in the page. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { role, ...entry } = await loadEntry(context, request, params.slug)
  // Outside its opening hours or its rota's cover the room is read-only (decisions 043, 048): its next opening and
  // the crisis lines. `changesAt` is when it next opens or closes: the page loads its state again then.
  const opening = (await roomOpenings(context.deps, [entry.room.id]))[entry.room.id]
  const country = getCountry(request, context)
  const closed =
    opening && !opening.open
      ? { nextOpening: opening.nextOpening?.toISOString() ?? null, lines: { country, ...crisisLinesFor(country) } }
      : null
  const changesAt = (opening?.open ? opening.closesAt : opening?.nextOpening)?.toISOString() ?? null
  return { ...entry, closed, readOnly: closed !== null && role === 'member', changesAt }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(enterRoomSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    await enterRoom(context.deps, account, params.slug ?? '', parsed.data)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    return failureFromError(context, error)
  }
  return redirect(`/rooms/${params.slug}`)
}

export default function Room() {
  const t = useT()
  const entry = useLoaderData<typeof loader>()
  const { room } = entry
  useReloadAt(entry.changesAt, entry.closed !== null)
  return (
    <div className="room-page">
      <p className="back">
        <Link to="/rooms">← {t('room.back')}</Link>
      </p>
      <h1 lang={room.language}>{room.title}</h1>
      {entry.closed ? <RoomClosed nextOpening={entry.closed.nextOpening} lines={entry.closed.lines} /> : null}
      {entry.status === 'member' ? (
        <ChatRoom room={room} me={entry.me} closed={entry.readOnly} />
      ) : (
        <EnterRoom
          room={room}
          suggested={entry.suggestedPseudonym}
          existing={entry.pseudonym}
          pseudonymMode={entry.pseudonymMode}
        />
      )}
    </div>
  )
}

/**
 * Loads the page's data again when the room opens or closes (a shift starting or ending, decision 048), so the
 * notice and the composer follow without a reload. Long waits are cut into six-hour steps (a timer's limit). A shift
 * added or removed meanwhile shows at the next step or load; the server checks every send whatever the page shows.
 */
function useReloadAt(at: string | null, closed: boolean) {
  const revalidator = useRevalidator()
  const [step, setStep] = useState(0)
  useEffect(() => {
    if (!at && !closed) return
    // A closed room with no opening planned looks again every five minutes; an instant already past (this clock
    // ahead of the server's) is looked at again half a minute later.
    const until = at ? new Date(at).getTime() - Date.now() : 5 * 60_000
    const wait = until < 0 ? 30_000 : Math.min(until + 1_000, 6 * 60 * 60_000)
    const timer = setTimeout(() => {
      revalidator.revalidate()
      setStep((n) => n + 1)
    }, wait)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the instant (and each step) decides the timer, not the revalidator's identity
  }, [at, closed, step])
}

function EnterRoom({
  room,
  suggested,
  existing,
  pseudonymMode,
}: {
  room: { rules: string; language: 'en' | 'pl'; description: string }
  suggested: string
  existing: string | null
  pseudonymMode: 'ask' | 'generate'
}) {
  const t = useT()
  const result = useActionData<typeof action>() as FormResult | undefined
  const [choice, setChoice] = useState<'own' | 'generated'>(pseudonymMode === 'generate' ? 'generated' : 'own')
  const fieldError = (name: string) => result?.fieldErrors?.[name]
  return (
    <>
      <p lang={room.language}>{room.description}</p>
      <FormError code={result?.formError} />
      <SafeForm>
        <section className="card rules" aria-labelledby="rules-title">
          <h2 id="rules-title">{t('room.rules.title')}</h2>
          <p>{existing ? t('room.rules.changed') : t('room.rules.intro')}</p>
          <blockquote lang={room.language} className="rules-text">
            {room.rules}
          </blockquote>
          <div className="choice">
            <input
              type="checkbox"
              id="accept-rules"
              name="acceptRules"
              required
              aria-invalid={fieldError('acceptRules') ? true : undefined}
            />
            <label htmlFor="accept-rules">{t('room.rules.accept')}</label>
          </div>
          {fieldError('acceptRules') ? (
            <p className="field-error" role="alert">
              {t.error(fieldError('acceptRules')!)}
            </p>
          ) : null}
        </section>
        {existing ? (
          <>
            <p>{t('room.pseudonym.keep', { name: existing })}</p>
            <input type="hidden" name="pseudonymChoice" value="generated" />
          </>
        ) : (
          <fieldset>
            <legend>{t('room.pseudonym.title')}</legend>
            <p className="help">{t('room.pseudonym.help')}</p>
            <input type="hidden" name="suggested" value={suggested} />
            <div className="choice">
              <input
                type="radio"
                id="pseudonym-generated"
                name="pseudonymChoice"
                value="generated"
                checked={choice === 'generated'}
                onChange={() => setChoice('generated')}
              />
              <label htmlFor="pseudonym-generated">{t('room.pseudonym.generated', { name: suggested })}</label>
            </div>
            <div className="choice">
              <input
                type="radio"
                id="pseudonym-own"
                name="pseudonymChoice"
                value="own"
                checked={choice === 'own'}
                onChange={() => setChoice('own')}
              />
              <label htmlFor="pseudonym-own">{t('room.pseudonym.own')}</label>
            </div>
            {/* Not `required`: without JavaScript the field stays on screen when the suggested name is chosen, and the
                browser would refuse to send the form. The server checks an own name (a translated field error). */}
            {choice === 'own' ? (
              <Field
                label={t('room.pseudonym.label')}
                name="pseudonym"
                type="text"
                autoComplete="off"
                maxLength={32}
                minLength={2}
                error={fieldError('pseudonym')}
              />
            ) : null}
          </fieldset>
        )}
        <div className="actions">
          <SubmitButton>{t('room.enter')}</SubmitButton>
        </div>
      </SafeForm>
    </>
  )
}
