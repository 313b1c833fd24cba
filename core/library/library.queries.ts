import type { Sql, TransactionSql } from '../../db/client.js'

type Db = Sql | TransactionSql

// ── access ─────────────────────────────────────────────────────────────────────────────────────────────
export interface GroupAccessRow {
  id: string
  title: string
  timeZone: string
  role: 'facilitator' | 'member' | null
}

/** The group and the account's part in it: a facilitator (lead or co), an approved member, or nothing. */
export async function findGroupAccess(db: Db, groupId: string, accountId: string): Promise<GroupAccessRow | null> {
  const rows = await db<GroupAccessRow[]>`
    select g.id, g.title, g.time_zone as "timeZone",
      case when g.facilitator_id = ${accountId} or g.co_facilitator_id = ${accountId} then 'facilitator'
           when exists (select 1 from group_members m where m.group_id = g.id and m.account_id = ${accountId} and m.status = 'approved') then 'member'
      end as role
    from groups g where g.id = ${groupId}`
  return rows[0] ?? null
}

export async function isVerifiedFacilitator(db: Db, accountId: string): Promise<boolean> {
  const rows = await db`
    select 1 from facilitator_profiles p join accounts a on a.id = p.account_id
    where p.account_id = ${accountId} and p.verified_at is not null and a.role = 'facilitator'`
  return rows.length > 0
}

export async function findAccountTimeZone(db: Db, accountId: string): Promise<string> {
  const [row] = await db<{ timeZone: string }[]>`select time_zone as "timeZone" from accounts where id = ${accountId}`
  return row?.timeZone ?? 'UTC'
}

// ── homework ───────────────────────────────────────────────────────────────────────────────────────────
export interface HomeworkWrite {
  title: string
  instructions: string
  dueAt: Date
  reflectionPrompt: string | null
}
export interface HomeworkRow extends HomeworkWrite {
  id: string
  groupId: string
}

const homeworkColumns = (db: Db) => db`
  h.id, h.group_id as "groupId", h.title, h.instructions, h.due_at as "dueAt", h.reflection_prompt as "reflectionPrompt"`

/** Null when this form token already set homework in the group (the same form sent twice). */
export async function insertHomework(
  db: Db,
  groupId: string,
  createdBy: string,
  h: HomeworkWrite,
  formToken: string | null = null,
): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    insert into homework (group_id, created_by, title, instructions, due_at, reflection_prompt, form_token)
    values (${groupId}, ${createdBy}, ${h.title}, ${h.instructions}, ${h.dueAt}, ${h.reflectionPrompt}, ${formToken})
    on conflict (group_id, form_token) where form_token is not null do nothing
    returning id`
  return row?.id ?? null
}

export async function updateHomework(db: Db, groupId: string, homeworkId: string, h: HomeworkWrite): Promise<boolean> {
  const rows = await db`
    update homework set title = ${h.title}, instructions = ${h.instructions}, due_at = ${h.dueAt},
      reflection_prompt = ${h.reflectionPrompt}, updated_at = now()
    where id = ${homeworkId} and group_id = ${groupId}
    returning id`
  return rows.length > 0
}

export async function deleteHomework(db: Db, groupId: string, homeworkId: string): Promise<boolean> {
  const rows = await db`delete from homework where id = ${homeworkId} and group_id = ${groupId} returning id`
  return rows.length > 0
}

export async function findHomework(db: Db, homeworkId: string): Promise<HomeworkRow | null> {
  const rows = await db<HomeworkRow[]>`select ${homeworkColumns(db)} from homework h where h.id = ${homeworkId}`
  return rows[0] ?? null
}

export async function listHomework(db: Db, groupId: string): Promise<HomeworkRow[]> {
  return db<
    HomeworkRow[]
  >`select ${homeworkColumns(db)} from homework h where h.group_id = ${groupId} order by h.due_at desc, h.created_at desc`
}

export interface CompletionRow {
  homeworkId: string
  doneAt: Date | null
  reflection: string | null
}

export async function listOwnCompletions(db: Db, groupId: string, accountId: string): Promise<CompletionRow[]> {
  return db<CompletionRow[]>`
    select c.homework_id as "homeworkId", c.done_at as "doneAt", c.reflection
    from homework_completions c join homework h on h.id = c.homework_id
    where h.group_id = ${groupId} and c.account_id = ${accountId}`
}

/** Every approved member's progress, keyed by their group pseudonym only. */
export async function listGroupCompletions(
  db: Db,
  groupId: string,
): Promise<Array<CompletionRow & { pseudonym: string }>> {
  return db<Array<CompletionRow & { pseudonym: string }>>`
    select c.homework_id as "homeworkId", c.done_at as "doneAt", c.reflection, m.pseudonym
    from homework_completions c
    join homework h on h.id = c.homework_id
    join group_members m on m.group_id = h.group_id and m.account_id = c.account_id and m.status = 'approved'
    where h.group_id = ${groupId}
    order by lower(m.pseudonym)`
}

export async function countApprovedMembers(db: Db, groupId: string): Promise<number> {
  const [row] = await db<
    { n: number }[]
  >`select count(*)::int as n from group_members where group_id = ${groupId} and status = 'approved'`
  return row!.n
}

export async function setDone(db: Db, homeworkId: string, accountId: string, done: boolean) {
  await db`
    insert into homework_completions (homework_id, account_id, done_at)
    values (${homeworkId}, ${accountId}, ${done ? db`now()` : null})
    on conflict (homework_id, account_id) do update set
      done_at = case when ${done} then coalesce(homework_completions.done_at, now()) end`
  await removeEmptyCompletion(db, homeworkId, accountId)
}

export async function setReflection(db: Db, homeworkId: string, accountId: string, reflection: string | null) {
  await db`
    insert into homework_completions (homework_id, account_id, reflection, reflection_at)
    values (${homeworkId}, ${accountId}, ${reflection}, ${reflection === null ? null : db`now()`})
    on conflict (homework_id, account_id) do update set
      reflection = excluded.reflection, reflection_at = excluded.reflection_at`
  await removeEmptyCompletion(db, homeworkId, accountId)
}

async function removeEmptyCompletion(db: Db, homeworkId: string, accountId: string) {
  await db`
    delete from homework_completions
    where homework_id = ${homeworkId} and account_id = ${accountId} and done_at is null and reflection is null`
}

export interface OpenHomeworkRow {
  id: string
  groupId: string
  groupTitle: string
  title: string
  dueAt: Date
}

export async function listOpenHomework(db: Db, accountId: string): Promise<OpenHomeworkRow[]> {
  return db<OpenHomeworkRow[]>`
    select h.id, h.group_id as "groupId", g.title as "groupTitle", h.title, h.due_at as "dueAt"
    from homework h
    join groups g on g.id = h.group_id
    join group_members m on m.group_id = h.group_id and m.account_id = ${accountId} and m.status = 'approved'
    left join homework_completions c on c.homework_id = h.id and c.account_id = ${accountId}
    where c.done_at is null
    order by h.due_at, h.title`
}

export async function listCompletionsForExport(db: Db, accountId: string) {
  return db<
    Array<{
      homeworkTitle: string
      groupTitle: string
      dueAt: Date
      doneAt: Date | null
      reflection: string | null
      reflectionAt: Date | null
    }>
  >`
    select h.title as "homeworkTitle", g.title as "groupTitle", h.due_at as "dueAt", c.done_at as "doneAt",
           c.reflection, c.reflection_at as "reflectionAt"
    from homework_completions c join homework h on h.id = c.homework_id join groups g on g.id = h.group_id
    where c.account_id = ${accountId}
    order by h.due_at`
}

export async function listHomeworkSetBy(db: Db, accountId: string) {
  return db<
    Array<{
      title: string
      groupTitle: string
      instructions: string
      dueAt: Date
      reflectionPrompt: string | null
      createdAt: Date
    }>
  >`
    select h.title, g.title as "groupTitle", h.instructions, h.due_at as "dueAt", h.reflection_prompt as "reflectionPrompt",
           h.created_at as "createdAt"
    from homework h join groups g on g.id = h.group_id
    where h.created_by = ${accountId}
    order by h.created_at`
}

// ── resources ──────────────────────────────────────────────────────────────────────────────────────────
export interface ResourceWrite {
  groupId: string | null
  kind: 'link' | 'reading' | 'file'
  title: string
  description: string
  url?: string | null
  body?: string | null
  storageKey?: string | null
  contentType?: string | null
  sizeBytes?: number | null
  fileName?: string | null
}

export interface ResourceRow {
  id: string
  groupId: string | null
  addedById: string
  addedByName: string | null
  kind: 'link' | 'reading' | 'file'
  title: string
  description: string
  url: string | null
  body: string | null
  storageKey: string | null
  contentType: string | null
  sizeBytes: number | null
  fileName: string | null
  createdAt: Date
}

const resourceColumns = (db: Db) => db`
  r.id, r.group_id as "groupId", r.added_by as "addedById",
  (select p.display_name from facilitator_profiles p join accounts a on a.id = p.account_id
   where p.account_id = r.added_by and a.role = 'facilitator') as "addedByName",
  r.kind, r.title, r.description, r.url, r.body, r.storage_key as "storageKey", r.content_type as "contentType",
  r.size_bytes::float8 as "sizeBytes", r.file_name as "fileName", r.created_at as "createdAt"`

export async function insertResource(db: Db, addedBy: string, r: ResourceWrite): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into library_resources (group_id, added_by, kind, title, description, url, body, storage_key, content_type, size_bytes, file_name)
    values (${r.groupId}, ${addedBy}, ${r.kind}, ${r.title}, ${r.description}, ${r.url ?? null}, ${r.body ?? null},
            ${r.storageKey ?? null}, ${r.contentType ?? null}, ${r.sizeBytes ?? null}, ${r.fileName ?? null})
    returning id`
  return row!.id
}

export async function listResources(db: Db, groupId: string | null): Promise<ResourceRow[]> {
  return groupId
    ? db<
        ResourceRow[]
      >`select ${resourceColumns(db)} from library_resources r where r.group_id = ${groupId} order by r.created_at desc`
    : db<
        ResourceRow[]
      >`select ${resourceColumns(db)} from library_resources r where r.group_id is null order by r.created_at desc`
}

export async function findResource(db: Db, resourceId: string): Promise<ResourceRow | null> {
  const rows = await db<
    ResourceRow[]
  >`select ${resourceColumns(db)} from library_resources r where r.id = ${resourceId}`
  return rows[0] ?? null
}

export async function deleteResource(db: Db, resourceId: string): Promise<boolean> {
  const rows = await db`delete from library_resources where id = ${resourceId} returning id`
  return rows.length > 0
}

export async function listResourcesAddedBy(db: Db, accountId: string) {
  return db<
    Array<{
      title: string
      kind: string
      description: string
      url: string | null
      body: string | null
      fileName: string | null
      contentType: string | null
      sizeBytes: number | null
      groupTitle: string | null
      createdAt: Date
    }>
  >`
    select r.title, r.kind, r.description, r.url, r.body, r.file_name as "fileName", r.content_type as "contentType",
           r.size_bytes::float8 as "sizeBytes", g.title as "groupTitle", r.created_at as "createdAt"
    from library_resources r left join groups g on g.id = r.group_id
    where r.added_by = ${accountId}
    order by r.created_at`
}

export async function listStorageKeysAddedBy(db: Db, accountId: string): Promise<string[]> {
  const rows = await db<
    { key: string }[]
  >`select storage_key as key from library_resources where added_by = ${accountId} and storage_key is not null`
  return rows.map((r) => r.key)
}
