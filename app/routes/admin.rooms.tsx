import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { assignFacilitatorSchema, listRooms, moderation } from '../services.server'
import { FormError, SafeForm, useResetKey } from '../components/forms'
import { useT } from '../components/i18n'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import styles from '../styles/moderation.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Room facilitators · Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'rooms:manage')
  const [rooms, assignments] = await Promise.all([
    listRooms(context.deps.sql),
    moderation.listFacilitatorAssignments(context.deps, account),
  ])
  return {
    rooms: rooms.map((room) => ({
      ...room,
      facilitators: assignments.filter((a) => a.roomId === room.id).map((a) => a.username),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'rooms:manage')
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(assignFacilitatorSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const once = await createOnce(context, account.accountId, 'room-facilitator', form, () =>
      moderation.assignFacilitator(context.deps, account, parsed.data),
    )
    if ('resent' in once) return formResent()
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function AdminRooms() {
  const t = useT()
  const { rooms } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  // After an assignment the username fields are empty again.
  const resetKey = useResetKey(result?.ok === true)
  return (
    <>
      <h1>{t('mod.admin.title')}</h1>
      <p>{t('mod.admin.intro')}</p>
      <FormError
        code={result && !result.ok ? (Object.values(result.fieldErrors ?? {})[0] ?? result.formError) : undefined}
      />
      <ul className="mod-rooms">
        {rooms.map((room) => (
          <RoomRow key={room.id} room={room} resetKey={resetKey} />
        ))}
      </ul>
    </>
  )
}

function RoomRow({
  room,
  resetKey,
}: {
  room: { id: string; title: string; facilitators: string[] }
  resetKey: string
}) {
  const t = useT()
  const id = useId()
  return (
    <li className="card">
      <h2>{room.title}</h2>
      {room.facilitators.length === 0 ? (
        <p>{t('mod.admin.none')}</p>
      ) : (
        <ul>
          {room.facilitators.map((username) => (
            <li key={username}>
              {username}
              <SafeForm>
                <input type="hidden" name="roomId" value={room.id} />
                <input type="hidden" name="username" value={username} />
                <input type="hidden" name="assign" value="no" />
                <button type="submit" className="link-button small">
                  {t('mod.admin.unassign')}
                </button>
              </SafeForm>
            </li>
          ))}
        </ul>
      )}
      <SafeForm key={resetKey}>
        <input type="hidden" name="roomId" value={room.id} />
        <input type="hidden" name="assign" value="yes" />
        <div className="field">
          <label htmlFor={id}>{t('mod.admin.username')}</label>
          <input id={id} name="username" type="text" autoComplete="off" required maxLength={40} />
        </div>
        <button type="submit" className="button small">
          {t('mod.admin.assign')}
        </button>
      </SafeForm>
    </li>
  )
}
