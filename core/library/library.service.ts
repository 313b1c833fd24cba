import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { can } from '../identity/permissions.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { formatInZone, instantFromLocal, localInputValue } from '../groups/recurrence.js'
import { storageOf, type ByteRange, type StoredObject } from '../storage/storage.js'
import { familyOf } from './file-types.js'
import * as q from './library.queries.js'
import { dueWallTime } from './library.schema.js'
import type {
  FileResourceInput,
  HomeworkInput,
  HomeworkPage,
  HomeworkView,
  LibraryPage,
  LibraryScope,
  LinkResourceInput,
  OpenHomework,
  ReadingResourceInput,
  ResourceView,
} from './library.schema.js'
import { discardUpload, type StoredUpload } from './library.upload.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The group as the actor may see it; anyone who is neither a facilitator nor an approved member gets NOT_FOUND. */
async function requireGroupAccess(deps: CoreDeps, actor: SessionAccount, groupId: string) {
  if (!UUID.test(groupId)) throw new AppError('NOT_FOUND')
  const access = await q.findGroupAccess(deps.sql, groupId, actor.accountId)
  if (!access?.role) throw new AppError('NOT_FOUND')
  return access as q.GroupAccessRow & { role: 'facilitator' | 'member' }
}

async function requireGroupFacilitator(deps: CoreDeps, actor: SessionAccount, groupId: string) {
  const access = await requireGroupAccess(deps, actor, groupId)
  if (access.role !== 'facilitator') throw new AppError('FORBIDDEN')
  return access
}

// ── homework ───────────────────────────────────────────────────────────────────────────────────────────
function homeworkWrite(input: HomeworkInput, groupZone: string): q.HomeworkWrite {
  const dueAt = instantFromLocal(dueWallTime(input.dueLocal), groupZone)
  if (!dueAt) throw new AppError('VALIDATION_FAILED', { dueLocal: 'due_invalid' })
  return { title: input.title, instructions: input.instructions, dueAt, reflectionPrompt: input.reflectionPrompt }
}

/**
 * A group's homework. Members see each item with their own progress; the group's facilitators see who has done
 * it and the reflections shared with them, by group pseudonym. Members never see one another's progress.
 */
export async function getHomeworkPage(deps: CoreDeps, actor: SessionAccount, groupId: string): Promise<HomeworkPage> {
  const access = await requireGroupAccess(deps, actor, groupId)
  const zone = await q.findAccountTimeZone(deps.sql, actor.accountId)
  const now = nowOf(deps)
  const rows = await q.listHomework(deps.sql, groupId)
  const isFacilitator = access.role === 'facilitator'
  const own = isFacilitator ? [] : await q.listOwnCompletions(deps.sql, groupId, actor.accountId)
  const all = isFacilitator ? await q.listGroupCompletions(deps.sql, groupId) : []
  const memberCount = isFacilitator ? await q.countApprovedMembers(deps.sql, groupId) : 0
  const homework = rows.map((h): HomeworkView => {
    const mine = own.find((c) => c.homeworkId === h.id)
    const entries = all.filter((c) => c.homeworkId === h.id)
    const done = Boolean(mine?.doneAt)
    return {
      id: h.id,
      title: h.title,
      instructions: h.instructions,
      reflectionPrompt: h.reflectionPrompt,
      dueAt: h.dueAt.toISOString(),
      dueLabel: formatInZone(h.dueAt, zone, actor.locale),
      dueLocal: localInputValue(h.dueAt, access.timeZone),
      overdue: h.dueAt.getTime() < now.getTime() && !done,
      mine: isFacilitator
        ? null
        : {
            done,
            doneLabel: mine?.doneAt ? formatInZone(mine.doneAt, zone, actor.locale) : null,
            reflection: mine?.reflection ?? null,
          },
      progress: isFacilitator
        ? {
            doneCount: entries.filter((e) => e.doneAt).length,
            memberCount,
            entries: entries.map((e) => ({
              pseudonym: e.pseudonym,
              done: Boolean(e.doneAt),
              reflection: e.reflection,
            })),
          }
        : null,
    }
  })
  return {
    group: { id: access.id, title: access.title, timeZone: access.timeZone },
    viewerRole: access.role,
    viewerTimeZone: zone,
    homework,
  }
}

/**
 * Set homework. `formToken` is the one-time token rendered into the form: the same form sent again (a second
 * press, a reload after the post) sets nothing and is refused with CONFLICT.
 */
export async function createHomework(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  input: HomeworkInput,
  formToken?: string,
): Promise<string> {
  const access = await requireGroupFacilitator(deps, actor, groupId)
  const token = formToken && UUID.test(formToken) ? formToken : null
  const id = await q.insertHomework(deps.sql, groupId, actor.accountId, homeworkWrite(input, access.timeZone), token)
  if (!id) throw new AppError('CONFLICT')
  return id
}

export async function updateHomework(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  homeworkId: string,
  input: HomeworkInput,
): Promise<void> {
  const access = await requireGroupFacilitator(deps, actor, groupId)
  if (
    !UUID.test(homeworkId) ||
    !(await q.updateHomework(deps.sql, groupId, homeworkId, homeworkWrite(input, access.timeZone)))
  ) {
    throw new AppError('NOT_FOUND')
  }
}

export async function deleteHomework(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  homeworkId: string,
): Promise<void> {
  await requireGroupFacilitator(deps, actor, groupId)
  if (!UUID.test(homeworkId) || !(await q.deleteHomework(deps.sql, groupId, homeworkId)))
    throw new AppError('NOT_FOUND')
}

/** The homework, if it belongs to this group and the actor is an approved member of it. */
async function requireMemberHomework(deps: CoreDeps, actor: SessionAccount, groupId: string, homeworkId: string) {
  const access = await requireGroupAccess(deps, actor, groupId)
  if (!UUID.test(homeworkId)) throw new AppError('NOT_FOUND')
  const homework = await q.findHomework(deps.sql, homeworkId)
  if (!homework || homework.groupId !== groupId) throw new AppError('NOT_FOUND')
  if (access.role !== 'member') throw new AppError('FORBIDDEN')
  return homework
}

export async function setHomeworkDone(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  homeworkId: string,
  done: boolean,
): Promise<void> {
  await requireMemberHomework(deps, actor, groupId, homeworkId)
  await q.setDone(deps.sql, homeworkId, actor.accountId, done)
}

/** Share (or, with null, withdraw) a reflection. Only the group's facilitators ever read it. */
export async function saveReflection(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  homeworkId: string,
  reflection: string | null,
): Promise<void> {
  await requireMemberHomework(deps, actor, groupId, homeworkId)
  await q.setReflection(deps.sql, homeworkId, actor.accountId, reflection)
}

/** The member's homework not yet done, across every group they belong to, soonest due first. */
export async function listOpenHomeworkForMember(deps: CoreDeps, actor: SessionAccount): Promise<OpenHomework[]> {
  const zone = await q.findAccountTimeZone(deps.sql, actor.accountId)
  const now = nowOf(deps).getTime()
  const rows = await q.listOpenHomework(deps.sql, actor.accountId)
  return rows.map((h) => ({
    id: h.id,
    groupId: h.groupId,
    groupTitle: h.groupTitle,
    title: h.title,
    dueAt: h.dueAt.toISOString(),
    dueLabel: formatInZone(h.dueAt, zone, actor.locale),
    overdue: h.dueAt.getTime() < now,
  }))
}

// ── resource library ───────────────────────────────────────────────────────────────────────────────────
async function canAddPublic(deps: CoreDeps, actor: SessionAccount) {
  if (can(actor, 'library:manage-public')) return true
  return can(actor, 'library:add-public') && (await q.isVerifiedFacilitator(deps.sql, actor.accountId))
}

/** Throws unless the actor may add to this library: the group's facilitators, or admins and verified facilitators. */
export async function requireCanAddResource(deps: CoreDeps, actor: SessionAccount, scope: LibraryScope): Promise<void> {
  if ('groupId' in scope) await requireGroupFacilitator(deps, actor, scope.groupId)
  else if (!(await canAddPublic(deps, actor))) throw new AppError('FORBIDDEN')
}

const groupIdOf = (scope: LibraryScope) => ('groupId' in scope ? scope.groupId : null)

/**
 * Who may remove a resource: whoever added it; in a group's library, any of the group's facilitators (the lead
 * tidies what a co-facilitator shared); in the public library, admins.
 */
function mayDelete(actor: SessionAccount, row: q.ResourceRow, viewerRole: 'facilitator' | 'member' | null): boolean {
  if (row.addedById === actor.accountId) return true
  return row.groupId === null ? can(actor, 'library:manage-public') : viewerRole === 'facilitator'
}

function resourceView(
  actor: SessionAccount,
  row: q.ResourceRow,
  zone: string,
  viewerRole: 'facilitator' | 'member' | null,
): ResourceView {
  const canDelete = mayDelete(actor, row, viewerRole)
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.kind === 'link' ? row.url : null,
    paragraphs:
      row.kind === 'reading' && row.body
        ? row.body
            .split(/\r?\n\s*\r?\n/)
            .map((p) => p.trim())
            .filter(Boolean)
        : null,
    file:
      row.kind === 'file' && row.contentType && row.sizeBytes && row.fileName
        ? {
            href: `/library/files/${row.id}`,
            family: familyOf(row.contentType),
            contentType: row.contentType,
            sizeBytes: row.sizeBytes,
            fileName: row.fileName,
          }
        : null,
    addedBy: row.addedByName,
    addedLabel: formatInZone(row.createdAt, zone, actor.locale),
    canDelete,
  }
}

export async function getGroupLibrary(deps: CoreDeps, actor: SessionAccount, groupId: string): Promise<LibraryPage> {
  const access = await requireGroupAccess(deps, actor, groupId)
  const zone = await q.findAccountTimeZone(deps.sql, actor.accountId)
  const rows = await q.listResources(deps.sql, groupId)
  return {
    group: { id: access.id, title: access.title },
    canAdd: access.role === 'facilitator',
    maxBytes: deps.config.RESOURCE_MAX_BYTES,
    resources: rows.map((r) => resourceView(actor, r, zone, access.role)),
  }
}

export async function getPublicLibrary(deps: CoreDeps, actor: SessionAccount): Promise<LibraryPage> {
  const zone = await q.findAccountTimeZone(deps.sql, actor.accountId)
  const rows = await q.listResources(deps.sql, null)
  return {
    group: null,
    canAdd: await canAddPublic(deps, actor),
    maxBytes: deps.config.RESOURCE_MAX_BYTES,
    resources: rows.map((r) => resourceView(actor, r, zone, null)),
  }
}

export async function addLinkResource(
  deps: CoreDeps,
  actor: SessionAccount,
  scope: LibraryScope,
  input: LinkResourceInput,
): Promise<string> {
  await requireCanAddResource(deps, actor, scope)
  return q.insertResource(deps.sql, actor.accountId, {
    groupId: groupIdOf(scope),
    kind: 'link',
    title: input.title,
    description: input.description,
    url: input.url,
  })
}

export async function addReadingResource(
  deps: CoreDeps,
  actor: SessionAccount,
  scope: LibraryScope,
  input: ReadingResourceInput,
): Promise<string> {
  await requireCanAddResource(deps, actor, scope)
  return q.insertResource(deps.sql, actor.accountId, {
    groupId: groupIdOf(scope),
    kind: 'reading',
    title: input.title,
    description: input.description,
    body: input.body,
  })
}

/** Record an upload already in storage (storeUpload). If anything fails the stored object is deleted. */
export async function addFileResource(
  deps: CoreDeps,
  actor: SessionAccount,
  scope: LibraryScope,
  input: FileResourceInput,
  stored: StoredUpload,
): Promise<string> {
  try {
    await requireCanAddResource(deps, actor, scope)
    return await q.insertResource(deps.sql, actor.accountId, {
      groupId: groupIdOf(scope),
      kind: 'file',
      title: input.title,
      description: input.description,
      storageKey: stored.key,
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      fileName: stored.fileName,
    })
  } catch (error) {
    await discardUpload(deps, stored.key)
    throw error
  }
}

export async function deleteResource(deps: CoreDeps, actor: SessionAccount, resourceId: string): Promise<void> {
  const row = UUID.test(resourceId) ? await q.findResource(deps.sql, resourceId) : null
  if (!row) throw new AppError('NOT_FOUND')
  const viewerRole = row.groupId ? (await requireGroupAccess(deps, actor, row.groupId)).role : null
  if (!mayDelete(actor, row, viewerRole)) throw new AppError('FORBIDDEN')
  if (!(await q.deleteResource(deps.sql, resourceId))) throw new AppError('NOT_FOUND')
  if (row.storageKey) await discardUpload(deps, row.storageKey)
}

export interface ResourceFile {
  key: string
  contentType: string
  sizeBytes: number
  fileName: string
}

/**
 * An uploaded file the actor may read: a group's to its facilitators and approved members, a public one to every
 * signed-in account. Anyone else gets NOT_FOUND, whether or not it exists.
 */
export async function findResourceFile(
  deps: CoreDeps,
  actor: SessionAccount,
  resourceId: string,
): Promise<ResourceFile> {
  const row = UUID.test(resourceId) ? await q.findResource(deps.sql, resourceId) : null
  if (!row || row.kind !== 'file' || !row.storageKey || !row.contentType || !row.sizeBytes || !row.fileName)
    throw new AppError('NOT_FOUND')
  if (row.groupId) await requireGroupAccess(deps, actor, row.groupId)
  return { key: row.storageKey, contentType: row.contentType, sizeBytes: row.sizeBytes, fileName: row.fileName }
}

export async function readResourceFile(deps: CoreDeps, file: ResourceFile, range?: ByteRange): Promise<StoredObject> {
  const object = await storageOf(deps).get(file.key, range)
  if (!object) throw new AppError('NOT_FOUND')
  return object
}

// ── export and erasure ─────────────────────────────────────────────────────────────────────────────────
/** Everything of this slice that is the member's: homework progress and reflections, homework set, resources added. */
export async function exportLibraryData(deps: CoreDeps, accountId: string) {
  const [completions, homeworkSet, resources] = await Promise.all([
    q.listCompletionsForExport(deps.sql, accountId),
    q.listHomeworkSetBy(deps.sql, accountId),
    q.listResourcesAddedBy(deps.sql, accountId),
  ])
  return {
    homeworkProgress: completions.map((c) => ({
      homework: c.homeworkTitle,
      group: c.groupTitle,
      dueAt: c.dueAt.toISOString(),
      doneAt: c.doneAt?.toISOString() ?? null,
      reflection: c.reflection,
      reflectionSharedAt: c.reflectionAt?.toISOString() ?? null,
    })),
    homeworkSet: homeworkSet.map((h) => ({
      title: h.title,
      group: h.groupTitle,
      instructions: h.instructions,
      dueAt: h.dueAt.toISOString(),
      reflectionQuestion: h.reflectionPrompt,
      createdAt: h.createdAt.toISOString(),
    })),
    resourcesAdded: resources.map((r) => ({
      title: r.title,
      kind: r.kind,
      library: r.groupTitle ?? 'public',
      description: r.description,
      url: r.url,
      text: r.body,
      fileName: r.fileName,
      contentType: r.contentType,
      sizeBytes: r.sizeBytes,
      addedAt: r.createdAt.toISOString(),
    })),
  }
}

/**
 * Account erasure, in two steps around the account's deletion: read the keys of the files it uploaded while its
 * rows exist (they go with the account through ON DELETE CASCADE), then remove those files from storage, which
 * is outside the database. A file that cannot be removed is logged by key and never blocks the erasure.
 */
export async function libraryFilesOf(deps: CoreDeps, accountId: string): Promise<string[]> {
  return q.listStorageKeysAddedBy(deps.sql, accountId)
}

export async function discardLibraryFiles(deps: CoreDeps, keys: string[]): Promise<void> {
  for (const key of keys) await discardUpload(deps, key)
}
