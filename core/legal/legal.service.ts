import type { CoreDeps } from '../deps.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/audit.service.js'
import { requireCapability } from '../identity/permissions.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { DEFAULT_LEGAL, LEGAL_KINDS, LEGAL_LOCALES, type LegalKind, type LegalLocale } from './legal.defaults.js'
import * as q from './legal.queries.js'

export { LEGAL_KINDS, LEGAL_LOCALES, type LegalKind, type LegalLocale }

export interface LegalPage {
  kind: LegalKind
  locale: LegalLocale
  body: string
  version: number
  updatedAt: string | null
}

export const MAX_LEGAL_BODY = 50_000

/** The privacy notice or terms in one language: the admin's saved text, or the shipped default (version 1). */
export async function getLegalPage(
  deps: Pick<CoreDeps, 'sql'>,
  kind: LegalKind,
  locale: LegalLocale,
): Promise<LegalPage> {
  const row = await q.findLegalPage(deps.sql, kind, locale)
  return row
    ? { kind, locale, body: row.body, version: row.version, updatedAt: row.updatedAt.toISOString() }
    : { kind, locale, body: DEFAULT_LEGAL[kind][locale], version: 1, updatedAt: null }
}

/** What a sign-up accepts, recorded on the account: e.g. "terms:1,privacy:3" (the versions in the member's language). */
export async function currentLegalVersion(deps: Pick<CoreDeps, 'sql'>, locale: LegalLocale): Promise<string> {
  const versions = await q.findLegalVersions(deps.sql, locale)
  return `terms:${versions.get('terms') ?? 1},privacy:${versions.get('privacy') ?? 1}`
}

/** An admin saves a page's text (plain text; paragraphs split on blank lines when shown). Audited by id only. */
export async function saveLegalPage(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { kind: string; locale: string; body: string },
): Promise<{ version: number }> {
  requireCapability(actor, 'admin:operate')
  const kind = LEGAL_KINDS.find((k) => k === input.kind)
  const locale = LEGAL_LOCALES.find((l) => l === input.locale)
  const body = input.body.replace(/\r\n/g, '\n').trim()
  const fields: Record<string, string> = {}
  if (!kind || !locale) fields.kind = 'invalid'
  if (body.length === 0) fields.body = 'legal_body_required'
  else if (body.length > MAX_LEGAL_BODY) fields.body = 'legal_body_too_long'
  if (!kind || !locale || Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', fields)
  return deps.sql.begin(async (tx) => {
    const version = await q.upsertLegalPage(tx, { kind, locale, body, updatedBy: actor.accountId, now: nowOf(deps) })
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: 'legal.update',
      targetType: 'legal_page',
      targetId: `${kind}:${locale}`,
      details: { version },
    })
    return { version }
  })
}

/** Paragraphs of a page's plain text, for rendering as escaped text. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}
