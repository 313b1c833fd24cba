import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AppError, addShift, listRota, removeShift, setRoomCover } from '../services.server'
import { Field, FormError, SafeForm, SelectField, SubmitButton, useResetKey } from '../components/forms'
import { useT } from '../components/i18n'
import { Time } from '../components/time'
import { requireUserWithCapability } from '../utils/auth.server'
import { createOnce, formResent } from '../utils/form-token.server'
import { failureFromError, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { readerTimeZone } from '../utils/time.server'
import styles from '../styles/roomhours.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Facilitator rota · Holdspace' }]

/**
 * The facilitator rota (decision 048): an admin sets which rooms open only with cover and puts facilitators on
 * shifts; a facilitator signs up for shifts in the rooms they look after. Times are entered in the writer's zone.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'moderation:act')
  const [rooms, reader] = await Promise.all([listRota(context.deps, account), readerTimeZone(request, context)])
  return {
    isAdmin: account.role === 'admin',
    zone: reader.zone,
    rooms: rooms.map((r) => ({
      ...r,
      shifts: r.shifts.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    })),
  }
}

type RotaResult = { ok: true; intent: string; roomId: string } | (FormResult & { roomId?: string })

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'moderation:act')
  const form = await readFormWithCsrf(request, context)
  const intent = String(form.get('intent') ?? '')
  const roomId = String(form.get('roomId') ?? '')
  try {
    if (intent === 'cover') {
      await setRoomCover(context.deps, account, { roomId, withCover: form.get('withCover') === 'on' })
    } else if (intent === 'remove') {
      await removeShift(context.deps, account, String(form.get('shiftId') ?? ''))
    } else if (intent === 'add') {
      const { zone } = await readerTimeZone(request, context)
      const outcome = await createOnce(context, account.accountId, 'rota-shift', form, () =>
        addShift(context.deps, account, {
          roomId,
          accountId: String(form.get('accountId') ?? ''),
          startsAt: String(form.get('startsAt') ?? ''),
          endsAt: String(form.get('endsAt') ?? ''),
          zone,
        }),
      )
      if ('resent' in outcome) return formResent()
    } else {
      throw new AppError('BAD_REQUEST')
    }
    return { ok: true as const, intent, roomId }
  } catch (error) {
    // A refused shift keeps its room, so the errors show under that room's form.
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED')
      return data({ ok: false as const, formError: error.code, fieldErrors: error.fields, roomId }, { status: 422 })
    return failureFromError(context, error, request)
  }
}

export default function Rota() {
  const t = useT()
  const { rooms, isAdmin, zone } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as RotaResult | undefined
  const resetKey = useResetKey(result?.ok === true && result.intent === 'add')
  const failed = result && !result.ok ? result : undefined
  return (
    <>
      <h1>{t('rota.title')}</h1>
      <p>{isAdmin ? t('rota.introAdmin') : t('rota.introFacilitator')}</p>
      {failed && !failed.roomId ? <FormError code={failed.formError} /> : null}
      {result?.ok ? <p role="status">{t(result.intent === 'add' ? 'rota.added' : 'rota.saved')}</p> : null}
      {rooms.length === 0 ? <p>{t('rota.noRooms')}</p> : null}
      <ul className="grid">
        {rooms.map((room) => {
          const errors = failed?.roomId === room.id ? failed.fieldErrors : undefined
          return (
            <li key={room.id} className="card rota-room" data-rota-room={room.id}>
              <h2>{room.title}</h2>
              <p className={room.open ? 'room-hours open' : 'room-hours closed'}>
                {room.open ? t('roomhours.openNow') : t('roomhours.closedNow')}
                {' · '}
                {room.withCover ? t('rota.withCover') : t('rota.withoutCover')}
              </p>
              {isAdmin ? (
                <SafeForm className="rota-cover">
                  <input type="hidden" name="intent" value="cover" />
                  <input type="hidden" name="roomId" value={room.id} />
                  <div className="choice">
                    <input type="checkbox" id={`cover-${room.id}`} name="withCover" defaultChecked={room.withCover} />
                    <label htmlFor={`cover-${room.id}`}>{t('rota.coverLabel')}</label>
                  </div>
                  <SubmitButton className="button small">{t('rota.coverSave')}</SubmitButton>
                </SafeForm>
              ) : null}
              <h3>{t('rota.shifts')}</h3>
              {room.shifts.length === 0 ? (
                <p>{t('rota.noShifts')}</p>
              ) : (
                <ul className="rota-shifts">
                  {room.shifts.map((s) => (
                    <li key={s.id} data-shift={s.id}>
                      <Time at={s.startsAt} /> – <Time at={s.endsAt} />{' '}
                      <span>· {s.mine ? t('rota.you') : (s.username ?? t('rota.anotherFacilitator'))}</span>
                      {s.counts ? null : <span> · {t('rota.notCounting')}</span>}
                      {isAdmin || s.mine ? (
                        <SafeForm className="inline">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="roomId" value={room.id} />
                          <input type="hidden" name="shiftId" value={s.id} />
                          <SubmitButton className="button small">{t('rota.remove')}</SubmitButton>
                        </SafeForm>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              <h3>{isAdmin ? t('rota.addTitle') : t('rota.signUpTitle')}</h3>
              {isAdmin && room.facilitators.length === 0 ? (
                <p>{t('rota.noFacilitators')}</p>
              ) : (
                <SafeForm key={failed?.roomId === room.id ? 'failed' : resetKey} data-rota-add={room.id}>
                  <input type="hidden" name="intent" value="add" />
                  <input type="hidden" name="roomId" value={room.id} />
                  {isAdmin ? (
                    <SelectField
                      label={t('rota.facilitator')}
                      name="accountId"
                      options={room.facilitators.map((f) => ({ value: f.accountId, label: f.username }))}
                      error={errors?.accountId}
                    />
                  ) : null}
                  <Field
                    label={t('rota.startsAt')}
                    help={t('rota.zoneHelp', { zone: zone.replace(/_/g, ' ') })}
                    name="startsAt"
                    type="datetime-local"
                    required
                    error={errors?.startsAt}
                  />
                  <Field label={t('rota.endsAt')} name="endsAt" type="datetime-local" required error={errors?.endsAt} />
                  <SubmitButton className="button small">{isAdmin ? t('rota.add') : t('rota.signUp')}</SubmitButton>
                </SafeForm>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
