import { savePreferences } from '../services.server'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '../i18n/i18n'
import { safeRedirectTarget } from '../utils/auth.server'
import { readFormWithCsrf } from '../utils/forms.server'
import { languageCookie } from '../utils/locale.server'

export async function loader() {
  return redirect('/')
}

/** Switch language: a cookie for everyone, and the account's saved language when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const locale = form.get('locale')
  const target = safeRedirectTarget(form.get('redirectTo'), '/')
  if (!isLocale(locale)) return redirect(target)
  if (context.account) {
    await savePreferences(context.deps, context.account.accountId, {
      locale,
      pseudonymMode: context.account.pseudonymMode,
    })
  }
  return redirect(target, { headers: { 'Set-Cookie': languageCookie(context, locale) } })
}
