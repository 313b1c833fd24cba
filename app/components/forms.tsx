import { Form, useNavigation, type FormProps } from '@remix-run/react'
import {
  useId,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { useRootData, useT } from './i18n'

/** A POST form that always carries the CSRF token. */
export function SafeForm({ children, ...props }: FormProps & { children: ReactNode }) {
  const { csrfToken, formToken } = useRootData()
  return (
    <Form method="post" {...props}>
      <input type="hidden" name="csrf" value={csrfToken} />
      {/* The page's one-time token: a form that creates something stores once however often it is sent. */}
      {formToken ? <input type="hidden" name="formToken" value={formToken} /> : null}
      {children}
    </Form>
  )
}

/**
 * The key of a form that creates something: it changes after each success (the page's form token is new after every
 * post), so the form mounts again empty; a refusal keeps what was typed. Without JavaScript the page is new anyway.
 */
export function useResetKey(succeeded: boolean): string {
  const { formToken } = useRootData()
  const last = useRef('form')
  if (succeeded) last.current = formToken
  return last.current
}

/** What a labelled control needs: its id and the accessibility attributes tying it to its help and error. */
interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** The one way a form control is labelled, described and given its (translated) error. */
function FieldShell({
  label,
  error,
  help,
  control,
}: {
  label: string
  error?: string
  help?: string
  control: (props: ControlProps) => ReactNode
}) {
  const id = useId()
  const t = useT()
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t.error(error)}
        </p>
      ) : null}
    </div>
  )
}

export function Field({
  label,
  error,
  help,
  ...input
}: { label: string; error?: string; help?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell label={label} error={error} help={help} control={(props) => <input {...props} {...input} />} />
}

export function TextAreaField({
  label,
  error,
  help,
  ...textarea
}: { label: string; error?: string; help?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} error={error} help={help} control={(props) => <textarea {...props} {...textarea} />} />
  )
}

export function SelectField({
  label,
  error,
  help,
  options,
  ...select
}: {
  label: string
  error?: string
  help?: string
  options: Array<{ value: string; label: string }>
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell
      label={label}
      error={error}
      help={help}
      control={(props) => (
        <select {...props} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  )
}

/** Shows the form-level error from an action, announced to screen readers. */
export function FormError({ code }: { code?: string }) {
  const t = useT()
  if (!code) return null
  return (
    <div className="form-error" role="alert">
      {t.error(code)}
    </div>
  )
}

/** A submit button that shows progress while its form is being sent. */
/** `aria-label` names the button fully where its visible text is short ("Delete" → "Delete: Breathing exercise"). */
export function SubmitButton({
  children,
  className,
  name,
  value,
  'aria-label': ariaLabel,
}: {
  children: ReactNode
  className?: string
  name?: string
  value?: string
  'aria-label'?: string
}) {
  const navigation = useNavigation()
  const t = useT()
  const busy = navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post'
  return (
    <button
      type="submit"
      className={className ?? 'button primary'}
      name={name}
      value={value}
      disabled={busy}
      aria-busy={busy || undefined}
      aria-label={busy ? undefined : ariaLabel}
    >
      {busy ? t('form.working') : children}
    </button>
  )
}
