import { Link } from '@remix-run/react'
import { useRootData, useT } from '../components/i18n'
import { HomeCareReminder } from '../components/selfcare/care-parts'

export default function Landing() {
  const t = useT()
  const { account } = useRootData()
  const points = ['rooms', 'groups', 'privacy', 'crisis'] as const
  return (
    <>
      <h1>{t('landing.title')}</h1>
      <HomeCareReminder />
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
          <Link className="button primary" to="/rooms">{t('nav.rooms')}</Link>
        </div>
      ) : (
        <div className="actions">
          <Link className="button primary" to="/signup">{t('landing.cta.join')}</Link>
          <Link className="button" to="/signin">{t('landing.cta.signIn')}</Link>
        </div>
      )}
    </>
  )
}
