import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { listRoomHours, listRooms, setRoomHours } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/roomhours.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Room opening hours · Holdspace' }]

/** An admin sets each topic room's weekly opening hours (decision 043); an empty schedule means always open. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'rooms:manage')
  const rooms = await listRooms(context.deps.sql)
  const hours = await listRoomHours(
    context.deps,
    account,
    rooms.map((r) => r.id),
  )
  return {
    rooms: rooms.map((r) => ({
      id: r.id,
      title: r.title,
      zone: hours[r.id]?.zone ?? 'Europe/Warsaw',
      windows: hours[r.id]?.windows ?? '',
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'rooms:manage')
  const form = await readFormWithCsrf(request, context)
  const roomId = String(form.get('roomId') ?? '')
  try {
    await setRoomHours(context.deps, account, {
      roomId,
      zone: String(form.get('zone') ?? ''),
      windows: String(form.get('windows') ?? ''),
    })
    return { ok: true as const, roomId }
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function AdminRoomHours() {
  const t = useT()
  const { rooms } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true; roomId: string } | FormResult | undefined
  return (
    <>
      <h1>{t('roomhours.admin.title')}</h1>
      <p>{t('roomhours.admin.intro')}</p>
      <p>
        <Link to="/rota">{t('roomhours.admin.rotaLink')}</Link>
      </p>
      <FormError code={result && !result.ok ? result.formError : undefined} />
      {result?.ok ? <p role="status">{t('roomhours.admin.saved')}</p> : null}
      <ul className="grid">
        {rooms.map((room) => (
          <li key={room.id} className="card" data-room-hours={room.id}>
            <h2>{room.title}</h2>
            <SafeForm>
              <input type="hidden" name="roomId" value={room.id} />
              <Field label={t('roomhours.admin.zone')} name="zone" defaultValue={room.zone} required maxLength={64} />
              <TextAreaField
                label={t('roomhours.admin.windows')}
                help={t('roomhours.admin.windowsHelp')}
                name="windows"
                defaultValue={room.windows}
                rows={4}
              />
              <SubmitButton className="button small">{t('roomhours.admin.save')}</SubmitButton>
            </SafeForm>
          </li>
        ))}
      </ul>
    </>
  )
}
