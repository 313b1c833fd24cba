import { data, redirect, type AppLoadContext } from '@remix-run/node'
import type { SessionAccount } from '../../core/identity/identity.schema.js'
import { groupFormSchema, groups, scheduleFromRule } from '../services.server'
import type { GroupFormResult, GroupFormValues } from '../components/groups/group-form'
import { failureFromError, parseForm, readFormWithCsrf } from './forms.server'
import { isKnownZone } from './time'
import './context.server'

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

/** An example member's zone for the preview: New York, or London when the group itself is in New York. */
export function examplePreviewZone(groupZone: string): string {
  return groupZone === 'America/New_York' ? 'Europe/London' : 'America/New_York'
}

/** The form's fields as sent, so a page without JavaScript shows them again after a preview or a refusal. */
function valuesOf(form: FormData): GroupFormValues {
  const text = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' ? v.slice(0, 5000) : ''
  }
  const timeZone = text('timeZone')
  return {
    title: text('title'),
    description: text('description'),
    topic: text('topic'),
    language: text('language') === 'pl' ? 'pl' : 'en',
    coFacilitator: text('coFacilitator'),
    capacity: text('capacity'),
    timeZone,
    durationMinutes: text('durationMinutes'),
    intakeQuestion: text('intakeQuestion'),
    repeat: text('repeat'),
    days: WEEKDAYS.filter((d) => form.get(`day_${d}`) === 'on'),
    startDate: text('startDate'),
    startTime: text('startTime'),
    ends: text('ends') || 'never',
    endDate: text('endDate'),
    count: text('count'),
    previewZone: isKnownZone(text('previewZone')) ? text('previewZone') : examplePreviewZone(timeZone),
  }
}

/** A stored group's fields for the edit form. */
export function valuesOfGroup(g: {
  title: string
  description: string
  topic: string
  language: 'en' | 'pl'
  coFacilitatorKey: string | null
  capacity: number
  timeZone: string
  durationMinutes: number
  intakeQuestion: string
  rrule: string
  firstStartLocal: string
}): GroupFormValues {
  const s = scheduleFromRule(g.rrule, g.firstStartLocal)
  return {
    title: g.title,
    description: g.description,
    topic: g.topic,
    language: g.language,
    coFacilitator: g.coFacilitatorKey ?? '',
    capacity: String(g.capacity),
    timeZone: g.timeZone,
    durationMinutes: String(g.durationMinutes),
    intakeQuestion: g.intakeQuestion,
    ...s,
    previewZone: examplePreviewZone(g.timeZone),
  }
}

/**
 * The group form's action for create and edit. "Preview" (the button without JavaScript, or the page itself as
 * the facilitator types) answers the next sessions and stores nothing; "save" stores and goes to the group.
 */
export async function groupFormAction(
  request: Request,
  context: AppLoadContext,
  account: SessionAccount,
  /** The group's id, or `{ resent: true }` when a create form came again with its used token (decision 049). */
  save: (input: Parameters<typeof groups.createGroup>[2], form: FormData) => Promise<string | { resent: true }>,
) {
  const form = await readFormWithCsrf(request, context)
  const values = valuesOf(form)
  const parsed = parseForm(groupFormSchema, form)
  if (form.get('intent') === 'preview') {
    const fieldErrors = 'errors' in parsed ? (parsed.errors.fieldErrors ?? {}) : {}
    const scheduleBroken = ['repeat', 'startDate', 'startTime', 'ends', 'endDate', 'count', 'timeZone'].some(
      (f) => f in fieldErrors,
    )
    if ('errors' in parsed && scheduleBroken)
      return data({ ok: false, fieldErrors, values } satisfies GroupFormResult, { status: 422 })
    if ('errors' in parsed) {
      // Other fields may still be empty while the schedule is being chosen: preview the schedule alone.
      const only = parseForm(groupFormSchema, withPlaceholders(form))
      if ('errors' in only) return data({ ok: false, fieldErrors, values } satisfies GroupFormResult, { status: 422 })
      return data({ ok: true, preview: preview(context, account, only.data, values), values } satisfies GroupFormResult)
    }
    return data({ ok: true, preview: preview(context, account, parsed.data, values), values } satisfies GroupFormResult)
  }
  if ('errors' in parsed) return data({ ...parsed.errors, values } satisfies GroupFormResult, { status: 422 })
  try {
    const { schedule: _schedule, ...input } = parsed.data
    const saved = await save(input, form)
    if (typeof saved !== 'string')
      return data({ ok: false, formError: 'FORM_RESENT' } satisfies GroupFormResult, { status: 409 })
    return redirect(`/groups/${saved}`)
  } catch (error) {
    const failed = failureFromError(context, error, request)
    return data({ ...(failed.data as object), values } as GroupFormResult, failed.init ?? undefined)
  }
}

function preview(
  context: AppLoadContext,
  account: SessionAccount,
  input: { rrule: string; firstStartLocal: string; timeZone: string },
  values: GroupFormValues,
) {
  return {
    groupZone: input.timeZone,
    exampleZone: values.previewZone,
    sessions: groups.previewSchedule(context.deps, account, input),
  }
}

/** The form with harmless stand-ins for the fields that are not the schedule (only for a preview). */
function withPlaceholders(form: FormData): FormData {
  const copy = new FormData()
  for (const [k, v] of form.entries()) copy.append(k, v)
  const fill: Record<string, string> = {
    title: 'Preview',
    topic: 'Preview',
    capacity: '8',
    durationMinutes: '60',
    intakeQuestion: 'Preview question',
    language: 'en',
    coFacilitator: '',
    description: '',
  }
  for (const [k, v] of Object.entries(fill)) copy.set(k, v)
  return copy
}
