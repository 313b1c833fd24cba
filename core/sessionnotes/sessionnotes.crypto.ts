import { createHash } from 'node:crypto'
import type { Config } from '../config/config.js'
import { decryptField, encryptField } from '../identity/identity.crypto.js'

/**
 * Session notes are sealed with AES-256-GCM under NOTES_KEY (decision 042). Each sealed note is bound to its session
 * and to the member it is about (or to the session as a whole), so a ciphertext copied onto another row does not
 * open. The key's id is stored beside the ciphertext: after a rotation NOTES_KEY_PREVIOUS still opens older notes.
 * A note whose key is not configured, or that does not authenticate, throws: it never reads as an empty note.
 */
export class NotesKeyError extends Error {
  override name = 'NotesKeyError'
}

/** The first 8 hex digits of the key's SHA-256: names the key without revealing it. */
export function notesKeyId(keyBase64: string): string {
  return createHash('sha256')
    .update('holdspace-notes-key:')
    .update(Buffer.from(keyBase64, 'base64'))
    .digest('hex')
    .slice(0, 8)
}

const aad = (sessionId: string, memberAccountId: string | null) =>
  `session-note:${sessionId}:${memberAccountId ?? 'session'}`

export function sealNote(
  config: Pick<Config, 'NOTES_KEY'>,
  sessionId: string,
  memberAccountId: string | null,
  text: string,
): { keyId: string; sealed: Buffer } {
  return {
    keyId: notesKeyId(config.NOTES_KEY),
    sealed: encryptField(config.NOTES_KEY, text, aad(sessionId, memberAccountId)),
  }
}

export function openNote(
  config: Pick<Config, 'NOTES_KEY' | 'NOTES_KEY_PREVIOUS'>,
  note: { sessionId: string; memberAccountId: string | null; keyId: string; sealed: Buffer },
): string {
  const key = [config.NOTES_KEY, config.NOTES_KEY_PREVIOUS].find((k) => k && notesKeyId(k) === note.keyId)
  if (!key) throw new NotesKeyError(`session note sealed with notes key ${note.keyId}, which is not configured`)
  try {
    return decryptField(key, note.sealed, aad(note.sessionId, note.memberAccountId))
  } catch {
    throw new NotesKeyError(`session note does not open with notes key ${note.keyId} (altered, moved or a wrong key)`)
  }
}
