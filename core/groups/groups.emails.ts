import type { Locale } from '../identity/identity.schema.js'

/**
 * The session reminder email. Someone else may read the inbox (core/notify/emails.ts): it names no group,
 * topic, facilitator or condition — only that a Holdspace session starts soon, and a link.
 */
export function sessionReminderEmail(
  locale: Locale,
  kind: '24h' | '15m',
  link: string,
): { subject: string; text: string } {
  if (locale === 'pl') {
    const when = kind === '24h' ? 'jutro o tej porze' : 'za 15 minut'
    return {
      subject: `Holdspace: spotkanie ${when}`,
      text: `Twoje spotkanie w Holdspace zaczyna się ${when}.\n\nSzczegóły po zalogowaniu:\n${link}\n`,
    }
  }
  const when = kind === '24h' ? 'in 24 hours' : 'in 15 minutes'
  return {
    subject: `Holdspace: a session ${when}`,
    text: `You have a Holdspace session ${when}.\n\nSign in to see the details:\n${link}\n`,
  }
}
