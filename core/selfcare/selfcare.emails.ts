import type { Locale } from '../identity/identity.schema.js'

/**
 * The daily reminder email. Someone else may read the inbox: it says only that this is a reminder the person
 * asked for, with a link — nothing about how they feel, what they write or why they use Holdspace.
 */
export function dailyReminderEmail(locale: Locale, link: string): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: Twoje przypomnienie',
      text: `Dzień dobry,\n\nto codzienne przypomnienie ustawione w Holdspace.\n\n${link}\n\nMożesz je zmienić lub wyłączyć w każdej chwili po zalogowaniu.\n`,
    }
  }
  return {
    subject: 'Holdspace: a reminder you asked for',
    text: `Hello,\n\nthis is the daily reminder you set up in Holdspace.\n\n${link}\n\nYou can change it or turn it off at any time after signing in.\n`,
  }
}
