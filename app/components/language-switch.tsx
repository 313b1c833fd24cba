import { useLocation } from '@remix-run/react'
import { LOCALES, LOCALE_NAMES } from '../i18n/i18n'
import { SafeForm } from './forms'
import { useT } from './i18n'

/** Language switch: a small form per language so it works without JavaScript. */
export function LanguageSwitch() {
  const t = useT()
  const location = useLocation()
  return (
    <nav aria-label={t('nav.language')} className="language-switch">
      {LOCALES.map((locale) => (
        <SafeForm key={locale} action="/language" reloadDocument>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button
            type="submit"
            className="link-button"
            lang={locale}
            aria-current={t.locale === locale ? 'true' : undefined}
          >
            {LOCALE_NAMES[locale]}
          </button>
        </SafeForm>
      ))}
    </nav>
  )
}
