import { useId, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useT } from '../i18n'

/** A labelled textarea with its error, like Field in components/forms.tsx. */
export function TextAreaField({ label, error, help, ...props }: { label: string; error?: string; help?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  const t = useT()
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {help ? <p id={`${id}-help`} className="help">{help}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{t.error(error)}</p> : null}
    </div>
  )
}

export function SelectField({
  label, error, help, options, ...props
}: { label: string; error?: string; help?: string; options: Array<{ value: string; label: string }> } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId()
  const t = useT()
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {help ? <p id={`${id}-help`} className="help">{help}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{t.error(error)}</p> : null}
    </div>
  )
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const t = useT()
  return <span className={`badge ${verified ? 'verified' : 'pending'}`}>{verified ? `✓ ${t('groups.verified')}` : t('groups.unverified')}</span>
}
