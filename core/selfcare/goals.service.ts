import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import * as q from './selfcare.queries.js'
import type {
  GoalCheckInInput,
  GoalEditInput,
  GoalInput,
  GoalStatus,
  GoalView,
  GroupGoalsView,
} from './selfcare.schema.js'

/*
 * Goals belong to the member. A goal marked "agreed with the facilitator of <group>" (one of the member's groups
 * where they are an approved member) can also be read — never changed — by that group's facilitator and
 * co-facilitator, who see the member only by their group pseudonym.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
function requireId(id: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND')
  return id.toLowerCase()
}

const MAX_STEPS = 20

async function viewsOf(deps: CoreDeps, rows: q.GoalRow[]): Promise<GoalView[]> {
  const ids = rows.map((r) => r.id)
  const [steps, checkIns] = await Promise.all([q.listStepsOf(deps.sql, ids), q.listGoalCheckInsOf(deps.sql, ids)])
  return rows.map((row) => {
    const own = steps
      .filter((s) => s.goalId === row.id)
      .map((s) => ({ id: s.id, text: s.text, done: s.doneAt !== null }))
    return {
      id: row.id,
      title: row.title,
      why: row.why,
      status: row.status,
      group: row.groupId && row.groupTitle ? { id: row.groupId, title: row.groupTitle } : null,
      steps: own,
      progress: { done: own.filter((s) => s.done).length, total: own.length },
      checkIns: checkIns
        .filter((c) => c.goalId === row.id)
        .map((c) => ({ id: c.id, note: c.note, rating: c.rating, date: c.checkedOn })),
      createdAt: row.createdAt.toISOString(),
    }
  })
}

export async function listGoals(deps: CoreDeps, actor: SessionAccount): Promise<GoalView[]> {
  return viewsOf(deps, await q.listGoalRows(deps.sql, actor.accountId))
}

async function ownGoal(deps: CoreDeps, actor: SessionAccount, goalId: string): Promise<q.GoalRow> {
  const row = await q.findGoalRow(deps.sql, actor.accountId, requireId(goalId))
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getGoal(deps: CoreDeps, actor: SessionAccount, goalId: string): Promise<GoalView> {
  return (await viewsOf(deps, [await ownGoal(deps, actor, goalId)]))[0]!
}

/** The groups a goal can be agreed with: those the member is an approved member of. */
export async function goalGroupChoices(
  deps: CoreDeps,
  actor: SessionAccount,
): Promise<Array<{ id: string; title: string }>> {
  return q.listApprovedGroups(deps.sql, actor.accountId)
}

async function checkGroupChoice(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string | null,
  current: string | null = null,
) {
  if (groupId === null || groupId === current) return
  const groups = await q.listApprovedGroups(deps.sql, actor.accountId)
  if (!groups.some((g) => g.id === groupId)) throw new AppError('VALIDATION_FAILED', { groupId: 'goal_group_invalid' })
}

export async function createGoal(deps: CoreDeps, actor: SessionAccount, input: GoalInput): Promise<string> {
  await checkGroupChoice(deps, actor, input.groupId)
  return deps.sql.begin(async (tx) => {
    const id = await q.insertGoalRow(tx, actor.accountId, input)
    await q.insertSteps(tx, id, input.steps)
    return id
  })
}

export async function editGoal(
  deps: CoreDeps,
  actor: SessionAccount,
  goalId: string,
  input: GoalEditInput,
): Promise<void> {
  const goal = await ownGoal(deps, actor, goalId)
  await checkGroupChoice(deps, actor, input.groupId, goal.groupId)
  if (!(await q.updateGoalRow(deps.sql, actor.accountId, goal.id, input))) throw new AppError('NOT_FOUND')
}

export async function addGoalStep(deps: CoreDeps, actor: SessionAccount, goalId: string, text: string): Promise<void> {
  const goal = await ownGoal(deps, actor, goalId)
  if ((await q.countSteps(deps.sql, goal.id)) >= MAX_STEPS)
    throw new AppError('VALIDATION_FAILED', { text: 'too_many_steps' })
  await q.insertSteps(deps.sql, goal.id, [text])
}

export async function setGoalStepDone(
  deps: CoreDeps,
  actor: SessionAccount,
  goalId: string,
  stepId: string,
  done: boolean,
): Promise<void> {
  if (!(await q.setStepDone(deps.sql, actor.accountId, requireId(goalId), requireId(stepId), done, nowOf(deps))))
    throw new AppError('NOT_FOUND')
}

export async function removeGoalStep(
  deps: CoreDeps,
  actor: SessionAccount,
  goalId: string,
  stepId: string,
): Promise<void> {
  if (!(await q.deleteStep(deps.sql, actor.accountId, requireId(goalId), requireId(stepId))))
    throw new AppError('NOT_FOUND')
}

export async function addGoalCheckIn(
  deps: CoreDeps,
  actor: SessionAccount,
  goalId: string,
  input: GoalCheckInInput,
): Promise<void> {
  const goal = await ownGoal(deps, actor, goalId)
  if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)))
    throw new AppError('VALIDATION_FAILED', { date: 'date_invalid' })
  await q.insertGoalCheckIn(deps.sql, goal.id, input)
}

export async function setGoalStatus(
  deps: CoreDeps,
  actor: SessionAccount,
  goalId: string,
  status: GoalStatus,
): Promise<void> {
  if (!(await q.setGoalStatusRow(deps.sql, actor.accountId, requireId(goalId), status))) throw new AppError('NOT_FOUND')
}

export async function deleteGoal(deps: CoreDeps, actor: SessionAccount, goalId: string): Promise<void> {
  if (!(await q.deleteGoalRow(deps.sql, actor.accountId, requireId(goalId)))) throw new AppError('NOT_FOUND')
}

/**
 * For the group's facilitator or co-facilitator only: the goals its approved members agreed with them, each
 * member by their group pseudonym. Anyone else — other members, other groups' facilitators, admins — gets
 * NOT_FOUND, as if the page did not exist.
 */
export async function listGroupGoals(deps: CoreDeps, actor: SessionAccount, groupId: string): Promise<GroupGoalsView> {
  const group = await q.findLedGroup(deps.sql, actor.accountId, requireId(groupId))
  if (!group) throw new AppError('NOT_FOUND')
  const rows = await q.listGoalsSharedWithGroup(deps.sql, group.id)
  const views = await viewsOf(deps, rows)
  const members: GroupGoalsView['members'] = []
  rows.forEach((row, i) => {
    const last = members.at(-1)
    if (last?.pseudonym === row.pseudonym) last.goals.push(views[i]!)
    else members.push({ pseudonym: row.pseudonym, goals: [views[i]!] })
  })
  return { groupId: group.id, groupTitle: group.title, members }
}

export async function exportGoals(deps: CoreDeps, accountId: string) {
  const views = await viewsOf(deps, await q.listGoalRows(deps.sql, accountId))
  return views.map(({ group, ...goal }) => ({ ...goal, agreedWithGroup: group }))
}
