import { data, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useT } from '../components/i18n'

export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * What a form posted from another site is answered with (server/origin-guard.ts turns it into a GET of this page
 * before any action could run): a 403 that says, in the member's language, that nothing was done.
 */
export async function loader() {
  return data({ refused: true as const }, { status: 403 })
}

export default function Refused() {
  const t = useT()
  return (
    <>
      <h1>{t('refused.title')}</h1>
      <p data-testid="refused">{t('refused.body')}</p>
      <p>{t('refused.again')}</p>
      <p>
        {t('refused.help')} <Link to="/help">{t('refused.helpLink')}</Link>
      </p>
      <p>
        <Link to="/">{t('refused.home')}</Link>
      </p>
    </>
  )
}
