import { randomBytes } from 'node:crypto'
import { decryptField, encryptField } from '../identity/identity.crypto.js'

/**
 * Envelope encryption for the private journal and mood notes. Each member has a random 256-bit data key,
 * stored only wrapped with the app key (the account id as additional data). Every sealed field binds what it
 * is and the row it belongs to (`journal:<id>:body`), so a ciphertext copied onto another row or field does
 * not open. Deleting the wrapped key (account erasure) leaves every copy of the ciphertext unreadable.
 */
export type MemberKey = { readonly base64: string }

export function newMemberKey(): MemberKey {
  return { base64: randomBytes(32).toString('base64') }
}

export function wrapMemberKey(appKeyBase64: string, key: MemberKey, accountId: string): Buffer {
  return encryptField(appKeyBase64, key.base64, `selfcare-key:${accountId}`)
}

export function unwrapMemberKey(appKeyBase64: string, wrapped: Buffer, accountId: string): MemberKey {
  return { base64: decryptField(appKeyBase64, wrapped, `selfcare-key:${accountId}`) }
}

export type SealedField = 'journal.title' | 'journal.body' | 'mood.note' | 'safety_plan.content'

const aad = (field: SealedField, rowId: string) => `${field}:${rowId}`

export function seal(key: MemberKey, field: SealedField, rowId: string, plaintext: string): Buffer {
  return encryptField(key.base64, plaintext, aad(field, rowId))
}

export function unseal(key: MemberKey, field: SealedField, rowId: string, sealed: Buffer): string {
  return decryptField(key.base64, sealed, aad(field, rowId))
}
