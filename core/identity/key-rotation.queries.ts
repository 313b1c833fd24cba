import type { TransactionSql } from '../../db/client.js'

/**
 * Every value sealed directly with the app key (ENCRYPTION_KEY), for its rotation (key-rotation.ts): identity data
 * and the self-care data keys wrapped with it. Journal, mood notes and safety plans are sealed with those member keys
 * and need no change. Read in account order, a batch at a time, locked until the batch's transaction ends.
 */
export interface SealedRow {
  accountId: string
  a: Buffer | null
  b: Buffer | null
}

export async function lockSensitiveProfiles(
  tx: TransactionSql,
  afterAccountId: string,
  limit: number,
): Promise<SealedRow[]> {
  return tx<SealedRow[]>`
    select account_id as "accountId", legal_name_enc as a, emergency_contact_enc as b from sensitive_profiles
    where account_id > ${afterAccountId} order by account_id limit ${limit} for update`
}

export async function updateSensitiveProfile(
  tx: TransactionSql,
  accountId: string,
  legalNameEnc: Buffer | null,
  emergencyContactEnc: Buffer | null,
) {
  await tx`update sensitive_profiles set legal_name_enc = ${legalNameEnc}, emergency_contact_enc = ${emergencyContactEnc} where account_id = ${accountId}`
}

export async function lockWrappedMemberKeys(
  tx: TransactionSql,
  afterAccountId: string,
  limit: number,
): Promise<SealedRow[]> {
  return tx<SealedRow[]>`
    select account_id as "accountId", wrapped_key as a, null::bytea as b from selfcare_keys
    where account_id > ${afterAccountId} order by account_id limit ${limit} for update`
}

export async function updateWrappedMemberKey(tx: TransactionSql, accountId: string, wrappedKey: Buffer) {
  await tx`update selfcare_keys set wrapped_key = ${wrappedKey} where account_id = ${accountId}`
}
