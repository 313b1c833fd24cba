import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getLegalPage, paragraphs, type LegalKind } from '../services.server'
import { useT } from '../components/i18n'
import { getLocale } from '../utils/locale.server'

export const meta: MetaFunction = () => [{ title: 'Privacy notice · Holdspace' }]

/** The page's text in the reader's language: the admin's saved version or the shipped default (core/legal). */
export async function legalPageLoader(kind: LegalKind, request: Request, context: LoaderFunctionArgs['context']) {
  const page = await getLegalPage(context.deps, kind, getLocale(request, context))
  return { kind, version: page.version, updatedAt: page.updatedAt, paragraphs: paragraphs(page.body) }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return legalPageLoader('privacy', request, context)
}

/** Plain text, one <p> per paragraph; React escapes it, so no markup the admin types is ever interpreted. */
export function LegalPageView() {
  const t = useT()
  const page = useLoaderData<typeof loader>()
  return (
    <article data-testid={`legal-${page.kind}`}>
      <h1>{t(page.kind === 'privacy' ? 'legal.privacy.title' : 'legal.terms.title')}</h1>
      <p className="help">
        {t('legal.version', { version: page.version })}
        {page.updatedAt ? <> · {t('legal.updated', { date: page.updatedAt.slice(0, 10) })}</> : null}
      </p>
      {page.paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) =>
            j === 0 ? (
              line
            ) : (
              <span key={j}>
                <br />
                {line}
              </span>
            ),
          )}
        </p>
      ))}
    </article>
  )
}

export default LegalPageView
