import type { Locale } from '../identity/identity.schema.js'

/**
 * The reminder to complete a questionnaire. Someone else may read the inbox: it names no questionnaire, no group,
 * nothing about health — only that something is waiting in Holdspace, with a link.
 */
export function measureReminderEmail(locale: Locale, link: string): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: coś na Ciebie czeka',
      text: `Dzień dobry,\n\nw Holdspace czeka na Ciebie krótka prośba przed następnym spotkaniem.\n\n${link}\n\nZobaczysz ją po zalogowaniu.\n`,
    }
  }
  return {
    subject: 'Holdspace: something is waiting for you',
    text: `Hello,\n\nthere is a short request waiting for you in Holdspace before the next meeting.\n\n${link}\n\nYou will see it after signing in.\n`,
  }
}
