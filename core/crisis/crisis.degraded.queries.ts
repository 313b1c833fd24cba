import type { Sql, TransactionSql } from '../../db/client.js'

type Db = Sql | TransactionSql

/** The account behind a session token hash, and whether that session was valid at `at` (not revoked, not expired). */
export async function findSessionAccountAt(
  db: Db,
  tokenHash: Buffer,
  at: Date,
  idleMinutes: number,
): Promise<{ accountId: string; validThen: boolean } | null> {
  const [row] = await db<{ accountId: string; validThen: boolean }[]>`
    select s.account_id as "accountId",
           ((s.revoked_at is null or s.revoked_at > ${at}) and s.expires_at > ${at}
             and s.created_at <= ${at}
             and s.last_seen_at + make_interval(mins => ${idleMinutes}) > ${at}) as "validThen"
    from sessions s where s.token_hash = ${tokenHash}`
  return row ?? null
}

/** Claim a kept press for raising; false when it was raised already (by this process earlier or another one). */
export async function claimHelpPress(tx: TransactionSql, pressId: string, pressedAt: Date): Promise<boolean> {
  const rows = await tx`
    insert into crisis_help_presses_raised (press_id, pressed_at) values (${pressId}, ${pressedAt})
    on conflict (press_id) do nothing returning press_id`
  return rows.length === 1
}

export async function recordHelpPressIncident(tx: TransactionSql, pressId: string, incidentId: string) {
  await tx`update crisis_help_presses_raised set incident_id = ${incidentId} where press_id = ${pressId}`
}
