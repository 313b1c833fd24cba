import type { formsEn } from './forms.en'

export const formsPl: Record<keyof typeof formsEn, string> = {
  'error.FORM_RESENT':
    'Ten formularz został już wysłany, więc nic nie zapisano drugi raz. Zachowaliśmy pierwsze wysłanie.',
} as const
