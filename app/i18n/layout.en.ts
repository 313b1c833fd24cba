/** The page frame on phones and desktops: header menu, shortcut hint, recovery code tools, sign-up legal (issue 18). */
export const layoutEn = {
  'nav.menu': 'Menu',
  'quickExit.shortcutHint': 'Shortcut: press Esc to leave at once (not while typing in a field).',
} as const
