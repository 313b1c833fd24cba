import type { Sql, TransactionSql } from '../../db/client.js'
import type { LegalKind, LegalLocale } from './legal.defaults.js'

export interface LegalRow {
  body: string
  version: number
  updatedAt: Date
}

export async function findLegalPage(sql: Sql, kind: LegalKind, locale: LegalLocale): Promise<LegalRow | null> {
  const rows = await sql<LegalRow[]>`
    select body, version, updated_at as "updatedAt" from legal_pages where kind = ${kind} and locale = ${locale}`
  return rows[0] ?? null
}

export async function findLegalVersions(sql: Sql, locale: LegalLocale): Promise<Map<LegalKind, number>> {
  const rows = await sql<
    { kind: LegalKind; version: number }[]
  >`select kind, version from legal_pages where locale = ${locale}`
  return new Map(rows.map((r) => [r.kind, r.version]))
}

/** Saves the text; the version becomes one more than the stored one (the shipped default is version 1). */
export async function upsertLegalPage(
  tx: TransactionSql,
  input: { kind: LegalKind; locale: LegalLocale; body: string; updatedBy: string; now: Date },
): Promise<number> {
  const rows = await tx<{ version: number }[]>`
    insert into legal_pages (kind, locale, body, version, updated_at, updated_by)
    values (${input.kind}, ${input.locale}, ${input.body}, 2, ${input.now}, ${input.updatedBy})
    on conflict (kind, locale) do update
      set body = excluded.body, version = legal_pages.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
    returning version`
  return rows[0]!.version
}
