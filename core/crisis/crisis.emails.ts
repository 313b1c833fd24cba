/**
 * The clinician's page by email. Someone else may read the inbox: no member, no level, no words
 * about what happened — the product name, "urgent" and a link that needs a clinician's sign-in.
 */
export function crisisPageEmail(locale: 'en' | 'pl', consoleUrl: string): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Masz pilny alert Holdspace',
      text: `Masz pilny alert Holdspace.\n\nZaloguj się i otwórz konsolę:\n${consoleUrl}`,
    }
  }
  return {
    subject: 'You have an urgent Holdspace alert',
    text: `You have an urgent Holdspace alert.\n\nSign in and open the console:\n${consoleUrl}`,
  }
}
