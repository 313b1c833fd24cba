import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { selfcare } from '../services.server'
import { useRootData, useT } from '../components/i18n'
import { CareReminder } from '../components/selfcare/care-parts'

/** A signed-in member whose daily check-in is due sees the quiet reminder here too. */
export async function loader({ context }: LoaderFunctionArgs) {
  const reminderDue = context.account ? (await selfcare.getMoodReminder(context.deps, context.account)).due : false
  return { reminderDue }
}

export default function Landing() {
  const t = useT()
  const { account } = useRootData()
  const { reminderDue } = useLoaderData<typeof loader>()
  const points = ['rooms', 'groups', 'privacy', 'crisis'] as const
  return (
    <>
      <h1>{t('landing.title')}</h1>
      <CareReminder due={reminderDue} link />
      <p>{t('landing.intro')}</p>
      <p className="emergency">{t('landing.emergency')}</p>
      <div className="grid">
        {points.map((p) => (
          <section key={p} className="card" aria-labelledby={`point-${p}`}>
            <h2 id={`point-${p}`}>{t(`landing.point.${p}.title`)}</h2>
            <p>{t(`landing.point.${p}.body`)}</p>
          </section>
        ))}
      </div>
      {account ? (
        <div className="actions">
          <Link className="button primary" to="/rooms">
            {t('nav.rooms')}
          </Link>
        </div>
      ) : (
        <div className="actions">
          <Link className="button primary" to="/signup">
            {t('landing.cta.join')}
          </Link>
          <Link className="button" to="/signin">
            {t('landing.cta.signIn')}
          </Link>
        </div>
      )}
    </>
  )
}
