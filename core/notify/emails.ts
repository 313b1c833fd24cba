import type { Locale } from '../identity/identity.schema.js'

/**
 * Every email Holdspace sends. Someone else may read the inbox: no email names a condition,
 * a group, a topic or the word "therapy". The product name is the only context.
 */
export function passwordResetEmail(locale: Locale, link: string, minutes: number): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: zmiana hasła',
      text: `Ktoś poprosił o zmianę hasła do Twojego konta Holdspace.\n\nAby ustawić nowe hasło, otwórz ten link (ważny ${minutes} minut, działa jeden raz):\n${link}\n\nJeśli to nie Ty, zignoruj tę wiadomość.`,
    }
  }
  return {
    subject: 'Holdspace: reset your password',
    text: `Someone asked to reset the password for your Holdspace account.\n\nTo choose a new password, open this link (valid for ${minutes} minutes, works once):\n${link}\n\nIf this was not you, you can ignore this email.`,
  }
}
