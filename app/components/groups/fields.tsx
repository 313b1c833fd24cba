import { useT } from '../i18n'

export { SelectField, TextAreaField } from '../forms'

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const t = useT()
  return (
    <span className={`badge ${verified ? 'verified' : 'pending'}`}>
      {verified ? `✓ ${t('groups.verified')}` : t('groups.unverified')}
    </span>
  )
}
