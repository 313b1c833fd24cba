import type { legalEn } from './legal.en'

/** Informacja o prywatności, regulamin oraz potwierdzenie wieku i regulaminu przy rejestracji (zgłoszenie 18). */
export const legalPl: Record<keyof typeof legalEn, string> = {
  'legal.privacy.title': 'Informacja o prywatności',
  'legal.terms.title': 'Regulamin',
  'legal.version': 'Wersja {version}',
  'legal.updated': 'Ostatnia zmiana: {date}',
  'legal.footer.privacy': 'Prywatność',
  'legal.footer.terms': 'Regulamin',
  'legal.signup.title': 'Wiek i regulamin',
  'legal.signup.age': 'Mam co najmniej {age} lat.',
  'legal.signup.termsBefore': 'Akceptuję',
  'legal.signup.termsLink': 'regulamin',
  'legal.signup.and': 'oraz',
  'legal.signup.privacyLink': 'informację o prywatności',
  'error.age_required': 'Aby dołączyć, musisz mieć co najmniej {age} lat. Potwierdź swój wiek.',
  'error.terms_required': 'Zaakceptuj regulamin i informację o prywatności.',
  'error.legal_body_required': 'Wpisz treść strony.',
  'error.legal_body_too_long': 'Tekst jest za długi (najwyżej 50 000 znaków).',
  'legal.admin.title': 'Informacja o prywatności i regulamin',
  'legal.admin.intro':
    'Zwykły tekst: pusta linia zaczyna nowy akapit. Zapisanie tworzy nową wersję; nowi uczestnicy akceptują wersję aktualną w chwili dołączenia.',
  'legal.admin.body': 'Treść',
  'legal.admin.save': 'Zapisz',
  'legal.admin.saved': 'Zapisano jako wersję {version}.',
  'legal.admin.default': 'Domyślny tekst: uzupełnij fragmenty w [nawiasach].',
  'legal.admin.view': 'Zobacz stronę',
} as const
