import type { Sql, TransactionSql } from '../../db/client.js'
import type { Role } from '../identity/identity.schema.js'

type Db = Sql | TransactionSql

/** SQL of the operator's command line (scripts/admin.ts): accounts by email, roles, licence checks and rooms. */
export async function findAccountByEmail(db: Db, email: string): Promise<{ id: string; role: Role } | null> {
  const [row] = await db<{ id: string; role: Role }[]>`select id, role from accounts where email = ${email}`
  return row ?? null
}

export async function insertRegisteredAccount(
  db: Db,
  input: { email: string; username: string; passwordHash: string; role: Role },
): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    insert into accounts (kind, email, username, password_hash, role)
    values ('registered', ${input.email}, ${input.username}, ${input.passwordHash}, ${input.role})
    on conflict do nothing returning id`
  return row?.id ?? null
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return (await db`select 1 from accounts where username = ${username}`).length > 0
}

export async function updateRole(db: Db, accountId: string, role: Role): Promise<void> {
  await db`update accounts set role = ${role} where id = ${accountId}`
}

export async function findProfileVerification(db: Db, accountId: string): Promise<{ verified: boolean } | null> {
  const [row] = await db<{ verified: boolean }[]>`
    select verified_at is not null as verified from facilitator_profiles where account_id = ${accountId}`
  return row ?? null
}

/** Verified by the operator on the command line: no admin account is named (verified_by stays null). */
export async function setProfileVerified(db: Db, accountId: string, verified: boolean): Promise<void> {
  await db`
    update facilitator_profiles set verified_at = case when ${verified} then now() end, verified_by = null
    where account_id = ${accountId}`
}

export interface RoomFields {
  slug: string
  title: string
  description: string
  language: 'en' | 'pl'
  rules: string
  locked: boolean
  slowModeSeconds: number
}

export async function findTopicRoom(db: Db, slug: string): Promise<(RoomFields & { id: string }) | null> {
  const [row] = await db<(RoomFields & { id: string })[]>`
    select id, slug, title, description, language, rules, locked, slow_mode_seconds as "slowModeSeconds"
    from rooms where slug = ${slug} and kind = 'topic'`
  return row ?? null
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  return (await db`select 1 from rooms where slug = ${slug}`).length > 0
}

export async function insertTopicRoom(db: Db, room: RoomFields): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules, locked, slow_mode_seconds)
    values (${room.slug}, ${room.title}, ${room.description}, ${room.language}, ${room.rules}, ${room.locked}, ${room.slowModeSeconds})
    returning id`
  return row!.id
}

/** New rules get a new version: members accept them again before their next message. */
export async function updateTopicRoom(db: Db, id: string, room: RoomFields, rulesChanged: boolean): Promise<void> {
  await db`
    update rooms set title = ${room.title}, description = ${room.description}, language = ${room.language}, rules = ${room.rules},
      locked = ${room.locked}, slow_mode_seconds = ${room.slowModeSeconds},
      rules_version = rules_version + ${rulesChanged ? 1 : 0}
    where id = ${id}`
}
