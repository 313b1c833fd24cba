import { useEffect, useState } from 'react'
import { useT } from './i18n'

/**
 * Keeping the one-time recovery code (issue 18): with JavaScript a copy button (Clipboard API) and a download of a
 * small text file made in the browser (a Blob: the code never travels again and no route serves it); without
 * JavaScript a read-only text box with the same text, to select and copy.
 */
export function RecoveryCodeTools({ username, code }: { username: string; code: string }) {
  const t = useT()
  const [scripted, setScripted] = useState(false)
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null)
  useEffect(() => setScripted(true), [])
  const text = `Holdspace\n${t('signup.created.username')}: ${username}\n${t('signup.created.code')}: ${code}\n`
  if (!scripted) {
    return (
      <div className="field">
        <label htmlFor="recovery-text">{t('recovery.textLabel')}</label>
        <textarea id="recovery-text" readOnly rows={3} value={text} data-testid="recovery-text" />
      </div>
    )
  }
  return (
    <div className="actions" data-testid="recovery-tools">
      <button
        type="button"
        className="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(code)
            setCopied('copied')
          } catch {
            setCopied('failed')
          }
        }}
      >
        {t('recovery.copy')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
          const link = document.createElement('a')
          link.href = url
          link.download = 'holdspace-recovery-code.txt'
          document.body.append(link)
          link.click()
          link.remove()
          setTimeout(() => URL.revokeObjectURL(url), 60_000)
        }}
      >
        {t('recovery.download')}
      </button>
      <p className="help" role="status">
        {copied ? t(copied === 'copied' ? 'recovery.copied' : 'recovery.copyFailed') : ''}
      </p>
    </div>
  )
}
