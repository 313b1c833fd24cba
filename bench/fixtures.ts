import { randomBytes } from 'node:crypto'
import type { Sql } from '../db/client.js'
import { hashToken, randomToken } from '../core/identity/identity.crypto.js'

/**
 * Bench members are written straight to the database with live sessions: the bench measures chat and
 * pages, not sign-up (which is rate-limited per IP on purpose). Their password hash is unusable.
 */
export async function createBenchMembers(
  sql: Sql,
  count: number,
  role: 'member' | 'clinician' | 'facilitator' = 'member',
) {
  const members: Array<{ accountId: string; cookie: string }> = []
  const tag = randomBytes(3).toString('hex')
  for (let offset = 0; offset < count; offset += 500) {
    const batch = Array.from({ length: Math.min(500, count - offset) }, (_, i) => ({
      n: offset + i,
      token: randomToken(32),
    }))
    const accounts = await sql<{ id: string }[]>`
      insert into accounts ${sql(
        batch.map((b) => ({ kind: 'anonymous', username: `bench-${role}-${tag}-${b.n}`, password_hash: '!', role })),
      )} returning id`
    await sql`
      insert into sessions ${sql(
        accounts.map((a, i) => ({
          token_hash: hashToken(batch[i]!.token),
          account_id: a.id,
          expires_at: new Date(Date.now() + 12 * 3_600_000),
        })),
      )}`
    accounts.forEach((a, i) => members.push({ accountId: a.id, cookie: `hs_session=${batch[i]!.token}` }))
  }
  return members
}
