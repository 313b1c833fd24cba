import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ACCEPT_ATTRIBUTE, library } from '../services.server'
import { FormError } from '../components/forms'
import { useT } from '../components/i18n'
import { AddResourceForms, ResourceList } from '../components/library/resources'
import { requireUser } from '../utils/auth.server'
import { libraryAction, type LibraryDone } from '../utils/library.server'
import type { FormResult } from '../utils/forms.server'
import styles from '../styles/library.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The public library: every signed-in account reads it; admins and verified facilitators add to it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { ...(await library.getPublicLibrary(context.deps, account)), accept: ACCEPT_ATTRIBUTE }
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request)
  return libraryAction(context, request, { public: true })
}

export default function PublicLibrary() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LibraryDone | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>{t('library.public.intro')}</p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t(result.notice)}
        </p>
      ) : null}
      {failed && !failed.kind ? <FormError code={failed.formError} /> : null}
      {page.canAdd ? (
        <AddResourceForms
          pageAction="/library?index"
          uploadUrl="/library/upload"
          maxBytes={page.maxBytes}
          accept={page.accept}
          failed={failed}
        />
      ) : null}
      <ResourceList resources={page.resources} />
    </>
  )
}
