import { SafeForm } from '../forms'
import { useRootData, useT } from '../i18n'

/**
 * "I need help now": on every page for signed-in people. A plain POST form, so it works without
 * JavaScript; the answer is the crisis card, rendered by the server from data.
 */
export function HelpButton() {
  const { account } = useRootData()
  const t = useT()
  if (!account) return null
  return (
    <SafeForm action="/help" className="help-now">
      <input type="hidden" name="intent" value="help" />
      <button type="submit" className="button primary" title={t('crisis.helpButton.hint')}>
        {t('crisis.helpButton')}
      </button>
    </SafeForm>
  )
}
