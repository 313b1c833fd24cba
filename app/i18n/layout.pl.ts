import type { layoutEn } from './layout.en'

export const layoutPl: Record<keyof typeof layoutEn, string> = {
  'nav.menu': 'Menu',
  'quickExit.shortcutHint': 'Skrót: naciśnij Esc, aby natychmiast wyjść (nie podczas pisania w polu).',
  'recovery.copy': 'Skopiuj kod',
  'recovery.copied': 'Skopiowano.',
  'recovery.copyFailed': 'Nie udało się skopiować. Zaznacz kod i skopiuj go samodzielnie.',
  'recovery.download': 'Pobierz jako plik tekstowy',
  'recovery.textLabel': 'Twoja nazwa użytkownika i kod jako tekst do zaznaczenia i skopiowania',
}
