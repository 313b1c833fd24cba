/** The page frame on phones and desktops: header menu, shortcut hint, recovery code tools, sign-up legal (issue 18). */
export const layoutEn = {
  'nav.menu': 'Menu',
  'quickExit.shortcutHint': 'Shortcut: press Esc to leave at once (not while typing in a field).',
  'recovery.copy': 'Copy the code',
  'recovery.copied': 'Copied.',
  'recovery.copyFailed': 'Could not copy. Select the code and copy it yourself.',
  'recovery.download': 'Download as a text file',
  'recovery.textLabel': 'Your username and code as text, to select and copy',
} as const
