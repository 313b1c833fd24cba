import { DateTime } from 'luxon'

export interface RotationSchedule {
  timeZone: string
  /** Local wall-clock time of the hand-off, `HH:MM` or `HH:MM:SS`. */
  handoffTime: string
  shiftHours: number
  /** The local date the first shift starts (at the hand-off time). */
  startsOn: string
  /** Clinicians in rotation order. */
  members: string[]
  overrides: { accountId: string; startsAt: Date; endsAt: Date; createdAt: Date }[]
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid
}

/**
 * Who is on call at `at`: an override covering that moment (the newest wins), else the rotation.
 * Shifts are counted in the schedule's local wall-clock hours, so a 09:00 hand-off stays at 09:00
 * local time across daylight-saving changes.
 */
export function onCallAt(schedule: RotationSchedule, at: Date): string | null {
  const override = schedule.overrides
    .filter((o) => o.startsAt <= at && at < o.endsAt)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]
  if (override) return override.accountId
  if (schedule.members.length === 0) return null
  const [hh = '0', mm = '0'] = schedule.handoffTime.split(':')
  const start = DateTime.fromISO(schedule.startsOn, { zone: schedule.timeZone }).set({
    hour: Number(hh),
    minute: Number(mm),
    second: 0,
    millisecond: 0,
  })
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone })
  // Wall-clock difference: both read as if UTC, so a 23- or 25-hour DST day still counts as one day.
  const wallStart = DateTime.fromObject(start.toObject(), { zone: 'utc' })
  const wallNow = DateTime.fromObject(local.toObject(), { zone: 'utc' })
  const hours = wallNow.diff(wallStart, 'hours').hours
  const shift = Math.floor(hours / schedule.shiftHours)
  const n = schedule.members.length
  return schedule.members[((shift % n) + n) % n] ?? null
}
