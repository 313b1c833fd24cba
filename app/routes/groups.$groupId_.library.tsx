import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ACCEPT_ATTRIBUTE, AppError, library } from '../services.server'
import { FormError } from '../components/forms'
import { useT } from '../components/i18n'
import { AddResourceForms, ResourceList } from '../components/library/resources'
import { requireUser } from '../utils/auth.server'
import { libraryAction, type LibraryDone } from '../utils/library.server'
import type { FormResult } from '../utils/forms.server'
import styles from '../styles/library.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    return { ...(await library.getGroupLibrary(context.deps, account, params.groupId ?? '')), accept: ACCEPT_ATTRIBUTE }
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireUser(context, request)
  return libraryAction(context, request, { groupId: params.groupId ?? '' })
}

export default function GroupLibrary() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LibraryDone | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  const group = page.group!
  return (
    <>
      <p>
        <Link to={`/groups/${group.id}`}>← {group.title}</Link>
      </p>
      <h1>{t('library.group.title')}</h1>
      <p>{t('library.group.intro')}</p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t(result.notice)}
        </p>
      ) : null}
      {failed && !failed.kind ? <FormError code={failed.formError} /> : null}
      {page.canAdd ? (
        <AddResourceForms
          pageAction={`/groups/${group.id}/library`}
          uploadUrl={`/library/upload?group=${group.id}`}
          maxBytes={page.maxBytes}
          accept={page.accept}
          failed={failed}
        />
      ) : null}
      <ResourceList resources={page.resources} />
    </>
  )
}
