import type { layoutEn } from './layout.en'

export const layoutPl: Record<keyof typeof layoutEn, string> = {
  'nav.menu': 'Menu',
  'quickExit.shortcutHint': 'Skrót: naciśnij Esc, aby natychmiast wyjść (nie podczas pisania w polu).',
}
