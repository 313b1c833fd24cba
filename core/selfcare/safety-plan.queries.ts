import type { Sql, TransactionSql } from '../../db/client.js'

type Db = Sql | TransactionSql

/*
 * The member's safety plan. Every query takes the owner's account id: the crisis team reaches a plan only through
 * openSharedSafetyPlan (safety-plan.service.ts), which resolves the member from an incident they work and checks the
 * member's consent (shared_at) in the same query.
 */
export interface SafetyPlanRow {
  id: string
  contentEnc: Buffer
  language: 'en' | 'pl'
  sharedAt: Date | null
  updatedAt: Date
}

const planColumns = (db: Db) =>
  db`id, content_enc as "contentEnc", language, shared_at as "sharedAt", updated_at as "updatedAt"`

export async function findSafetyPlanRow(db: Db, accountId: string): Promise<SafetyPlanRow | null> {
  const [row] = await db<SafetyPlanRow[]>`select ${planColumns(db)} from safety_plans where account_id = ${accountId}`
  return row ?? null
}

/** Only a plan its owner shares: an unshared plan is not there for anyone else. */
export async function findSharedSafetyPlanRow(db: Db, accountId: string): Promise<SafetyPlanRow | null> {
  const [row] = await db<SafetyPlanRow[]>`
    select ${planColumns(db)} from safety_plans where account_id = ${accountId} and shared_at is not null`
  return row ?? null
}

/** Inserts the plan or replaces its content; the id (bound into the ciphertext) never changes once stored. */
export async function upsertSafetyPlanRow(
  db: Db,
  accountId: string,
  row: { id: string; contentEnc: Buffer; language: 'en' | 'pl'; at: Date },
) {
  await db`
    insert into safety_plans (id, account_id, content_enc, language, created_at, updated_at)
    values (${row.id}, ${accountId}, ${row.contentEnc}, ${row.language}, ${row.at}, ${row.at})
    on conflict (account_id) do update set content_enc = excluded.content_enc, language = excluded.language, updated_at = excluded.updated_at
    where safety_plans.id = excluded.id`
}

export async function findSafetyPlanId(db: Db, accountId: string): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`select id from safety_plans where account_id = ${accountId}`
  return row?.id ?? null
}

export async function setSafetyPlanShared(db: Db, accountId: string, sharedAt: Date | null): Promise<boolean> {
  const rows = await db`update safety_plans set shared_at = ${sharedAt} where account_id = ${accountId} returning id`
  return rows.length > 0
}

export async function deleteSafetyPlanRow(db: Db, accountId: string): Promise<boolean> {
  const rows = await db`delete from safety_plans where account_id = ${accountId} returning id`
  return rows.length > 0
}
