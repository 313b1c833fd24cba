import { Link } from '@remix-run/react'
import { SafeForm } from '../forms'
import { useRootData, useT } from '../i18n'

/**
 * "I need help now", on every page. Signed in: a plain POST form, so it works without JavaScript; the answer is
 * the crisis card, rendered by the server from data. Signed out (or while the session cannot be checked): a link to
 * the help page, which shows the crisis lines to anyone and asks a signed-in member whether to tell a clinician.
 */
export function HelpButton() {
  const { account } = useRootData()
  const t = useT()
  if (!account) {
    return (
      <Link to="/help" className="button primary help-now" data-testid="help-link">
        {t('crisis.helpButton')}
      </Link>
    )
  }
  return (
    <SafeForm action="/help" className="help-now">
      <input type="hidden" name="intent" value="help" />
      <button type="submit" className="button primary" title={t('crisis.helpButton.hint')}>
        {t('crisis.helpButton')}
      </button>
    </SafeForm>
  )
}
