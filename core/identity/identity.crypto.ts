import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** At least 128 bits of randomness for anything that grants access (sessions, reset links): we use 256. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** Tokens are stored only as their SHA-256: a database leak yields no usable session or link. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

/** HMAC used where an identifier must become a Redis key without being readable (IPs, emails). */
export function keyedDigest(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22)
}

/** How many ids a digest memo keeps per secret before it drops the oldest. */
export const ID_DIGEST_MEMO_MAX = 8_192
/** Secrets a memo keeps ids for (one in production; a rotation or the tests' several make more). */
const MEMO_SECRETS_MAX = 4

/** `keyedDigest` that remembers its answers (createIdDigestMemo). `size` counts the ids kept, for every secret. */
export type IdDigestMemo = ((secret: string, id: string) => string) & { readonly size: number }

/**
 * A `keyedDigest` that remembers what it computed, for ids the request path digests on every request (an account,
 * a room, a membership on every chat send): a warm send computes no HMAC. At most `max` ids per secret, the oldest
 * dropped first, so memory stays bounded whatever the traffic. For ids only, never for an email or an IP address:
 * personal data is not kept in memory beyond its request.
 */
export function createIdDigestMemo(max = ID_DIGEST_MEMO_MAX): IdDigestMemo {
  const bySecret = new Map<string, Map<string, string>>()
  const digest = (secret: string, id: string): string => {
    let memo = bySecret.get(secret)
    if (!memo) {
      if (bySecret.size >= MEMO_SECRETS_MAX) bySecret.delete(bySecret.keys().next().value!)
      bySecret.set(secret, (memo = new Map()))
    }
    let known = memo.get(id)
    if (known === undefined) {
      known = keyedDigest(secret, id)
      if (memo.size >= max) memo.delete(memo.keys().next().value!)
      memo.set(id, known)
    }
    return known
  }
  return Object.defineProperty(digest, 'size', {
    get: () => [...bySecret.values()].reduce((sum, memo) => sum + memo.size, 0),
  }) as IdDigestMemo
}

/** This process's memo of id digests: the chat send's rate-limit and cache-token keys (core/chat). */
export const keyedDigestOfId = createIdDigestMemo()

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789' // Crockford-like: no I, L, O, U

/** 20 symbols from a 32-letter alphabet: 100 bits, shown once as XXXXX-XXXXX-XXXXX-XXXXX. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(20)
  const symbols = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % 32]).join('')
  return symbols.match(/.{5}/g)!.join('-')
}

export function normalizeRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256')
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest()
}

const FORMAT_VERSION = 1

/**
 * AES-256-GCM for identity data at rest. Layout: version(1) | iv(12) | tag(16) | ciphertext.
 * The account id is the additional authenticated data, so a ciphertext copied onto another
 * account's row does not decrypt.
 */
export function encryptField(keyBase64: string, plaintext: string, accountId: string): Buffer {
  const key = Buffer.from(keyBase64, 'base64')
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(accountId))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext])
}

export function decryptField(keyBase64: string, sealed: Buffer, accountId: string): string {
  if (sealed[0] !== FORMAT_VERSION) throw new Error('unknown ciphertext version')
  const key = Buffer.from(keyBase64, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13))
  decipher.setAAD(Buffer.from(accountId))
  decipher.setAuthTag(sealed.subarray(13, 29))
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8')
}
