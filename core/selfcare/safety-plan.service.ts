import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { requireCapability } from '../identity/permissions.js'
import type { Role, SessionAccount } from '../identity/identity.schema.js'
import { findWorkedIncident } from '../crisis/crisis.followup.js'
import { seal, unseal, type MemberKey } from './selfcare.crypto.js'
import { findMemberKey, memberKeyFor } from './member-key.js'
import * as q from './safety-plan.queries.js'
import { findAccountContext } from './selfcare.queries.js'
import { momentLabel, safeZone } from './selfcare.time.js'
import {
  SAFETY_PLAN_SECTIONS,
  type SafetyPlanContent,
  type SafetyPlanInput,
  type SafetyPlanView,
  type SharedSafetyPlanView,
} from './safety-plan.schema.js'

/*
 * The member's safety plan (Stanley–Brown). Sealed like the journal: one JSON document under the member's key,
 * bound to the field and the plan's id. The member writes, shares, stops sharing and deletes it; a clinician or
 * admin working an incident of that member opens it only while it is shared, and every opening is audited
 * (docs/selfcare.md, docs/decisions/019). The plan is not screened for crisis words: warning signs name them.
 */

function sealPlan(key: MemberKey, id: string, content: SafetyPlanContent): Buffer {
  return seal(key, 'safety_plan.content', id, JSON.stringify(content))
}

function openPlan(key: MemberKey, row: q.SafetyPlanRow): SafetyPlanContent {
  const stored = JSON.parse(unseal(key, 'safety_plan.content', row.id, row.contentEnc)) as Partial<SafetyPlanContent>
  return Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((s) => [s, typeof stored[s] === 'string' ? stored[s] : '']),
  ) as SafetyPlanContent
}

export async function getSafetyPlan(deps: CoreDeps, actor: SessionAccount): Promise<SafetyPlanView | null> {
  const row = await q.findSafetyPlanRow(deps.sql, actor.accountId)
  if (!row) return null
  const key = await findMemberKey(deps, actor.accountId)
  if (!key) return null
  const zone = safeZone((await findAccountContext(deps.sql, actor.accountId))?.timeZone)
  return {
    content: openPlan(key, row),
    language: row.language,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    sharedLabel: row.sharedAt ? momentLabel(row.sharedAt, zone, actor.locale) : null,
    updatedAt: row.updatedAt.toISOString(),
    updatedLabel: momentLabel(row.updatedAt, zone, actor.locale),
  }
}

/** Writes the whole plan (the form holds every section); sharing is untouched. */
export async function saveSafetyPlan(deps: CoreDeps, actor: SessionAccount, input: SafetyPlanInput): Promise<void> {
  const key = await memberKeyFor(deps, actor.accountId)
  const id = (await q.findSafetyPlanId(deps.sql, actor.accountId)) ?? randomUUID()
  await q.upsertSafetyPlanRow(deps.sql, actor.accountId, {
    id,
    contentEnc: sealPlan(key, id, input),
    language: actor.locale,
    at: nowOf(deps),
  })
}

/** The member's consent, given or withdrawn. Withdrawing takes effect at once: the next opening is refused. */
export async function setSafetyPlanSharing(deps: CoreDeps, actor: SessionAccount, share: boolean): Promise<void> {
  if (!(await q.setSafetyPlanShared(deps.sql, actor.accountId, share ? nowOf(deps) : null)))
    throw new AppError('NOT_FOUND')
}

export async function deleteSafetyPlan(deps: CoreDeps, actor: SessionAccount): Promise<void> {
  if (!(await q.deleteSafetyPlanRow(deps.sql, actor.accountId))) throw new AppError('NOT_FOUND')
}

export async function exportSafetyPlan(deps: CoreDeps, accountId: string) {
  const row = await q.findSafetyPlanRow(deps.sql, accountId)
  const key = row ? await findMemberKey(deps, accountId) : null
  if (!row || !key) return null
  return {
    ...openPlan(key, row),
    language: row.language,
    sharedWithCrisisTeamSince: row.sharedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }
}

// ── the crisis team ────────────────────────────────────────────────────────────────────────────────────
export interface CareTeamActor {
  accountId: string
  role: Role
}

/** Whether the incident page offers the plan: the actor works the incident and the member shares a plan. Reads no content. */
export async function hasSharedSafetyPlan(deps: CoreDeps, actor: CareTeamActor, incidentId: string): Promise<boolean> {
  const incident = await findWorkedIncident(deps.sql, actor, incidentId)
  return incident ? (await q.findSharedSafetyPlanRow(deps.sql, incident.memberAccountId)) !== null : false
}

/**
 * A clinician or admin working the member's incident opens the shared plan. The audit row and the read are in one
 * transaction: if the audit cannot be written, nothing is decrypted. Not shared (or no longer) is NOT_FOUND.
 */
export async function openSharedSafetyPlan(
  deps: CoreDeps,
  actor: CareTeamActor,
  incidentId: string,
): Promise<SharedSafetyPlanView> {
  requireCapability(actor, 'safety-plan:read-shared')
  const { row, memberAccountId } = await deps.sql.begin(async (tx) => {
    const incident = await findWorkedIncident(tx, actor, incidentId)
    if (!incident) throw new AppError('NOT_FOUND')
    const plan = await q.findSharedSafetyPlanRow(tx, incident.memberAccountId)
    if (!plan) throw new AppError('NOT_FOUND')
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: 'safety_plan.view',
      targetType: 'incident',
      targetId: incident.id,
      details: { memberLabel: incident.memberLabel },
    })
    return { row: plan, memberAccountId: incident.memberAccountId }
  })
  const key = await findMemberKey(deps, memberAccountId)
  if (!key) throw new AppError('NOT_FOUND')
  const content = openPlan(key, row)
  return {
    sections: SAFETY_PLAN_SECTIONS.map((section) => ({
      section,
      items: content[section]
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    })),
    language: row.language,
    updatedAt: row.updatedAt.toISOString(),
  }
}
