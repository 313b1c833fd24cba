import type { Locale } from './identity.schema.js'

/**
 * The two emails a sign-up with an email address can send (docs/decisions/026). Like every Holdspace email
 * (core/notify/emails.ts) they name no condition, group or topic: someone else may read the inbox.
 */
export function signUpConfirmationEmail(
  locale: Locale,
  link: string,
  hours: number,
): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: potwierdź swoje konto',
      text: `Ktoś użył tego adresu, aby założyć konto Holdspace.\n\nAby dokończyć zakładanie konta, otwórz ten link (ważny ${hours} godzin, działa jeden raz):\n${link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: bez tego linku konto nie powstanie.`,
    }
  }
  return {
    subject: 'Holdspace: confirm your account',
    text: `Someone used this address to create a Holdspace account.\n\nTo finish creating it, open this link (valid for ${hours} hours, works once):\n${link}\n\nIf this was not you, you can ignore this email: no account is created without this link.`,
  }
}

export function signUpExistingAccountEmail(
  locale: Locale,
  links: { signIn: string; reset: string },
): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: próba założenia konta',
      text: `Ktoś próbował założyć nowe konto Holdspace z tym adresem, ale ten adres ma już konto.\n\nJeśli to Ty, możesz się zalogować:\n${links.signIn}\n\nJeśli nie pamiętasz hasła, ustaw nowe:\n${links.reset}\n\nJeśli to nie Ty, zignoruj tę wiadomość: Twoje konto się nie zmieniło.`,
    }
  }
  return {
    subject: 'Holdspace: someone tried to sign up',
    text: `Someone tried to create a new Holdspace account with this address, but it already has an account.\n\nIf this was you, you can sign in:\n${links.signIn}\n\nIf you forgot your password, you can choose a new one:\n${links.reset}\n\nIf this was not you, you can ignore this email: your account has not changed.`,
  }
}
