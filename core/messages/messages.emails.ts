import type { Locale } from '../identity/identity.schema.js'

/**
 * "You have a new message". Someone else may read the inbox (core/notify/emails.ts): it names no one, no group and
 * nothing of what was written — only that there is a message on Holdspace, and a link to sign in.
 */
export function newMessageEmail(locale: Locale, link: string): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: masz nową wiadomość',
      text: `Masz nową wiadomość w Holdspace.\n\nZaloguj się, aby ją przeczytać:\n${link}\n`,
    }
  }
  return {
    subject: 'You have a new message on Holdspace',
    text: `You have a new message on Holdspace.\n\nSign in to read it:\n${link}\n`,
  }
}
