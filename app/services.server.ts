/**
 * The routes' only door into core. Remix's classic compiler keeps `.server` modules out of the
 * browser bundle, so routes import core through here (docs/decisions/002-remix-classic-compiler.md).
 */
export * from '../core/identity/identity.service.js'
export {
  signInSchema,
  signUpAnonymousSchema,
  signUpRegisteredSchema,
  recoverSchema,
  requestResetSchema,
  resetPasswordSchema,
  confirmSignUpSchema,
  preferencesSchema,
  sensitiveProfileSchema,
  countrySchema,
} from '../core/identity/identity.schema.js'
export { listRooms } from '../core/rooms/rooms.queries.js'
export { cachedTopicRooms } from '../core/rooms/rooms.cache.js'
export {
  addShift,
  listRoomHours,
  listRota,
  removeShift,
  roomOpenings,
  setRoomCover,
  setRoomHours,
} from '../core/roomhours/roomhours.service.js'
export { getRoomEntry, enterRoom, type RoomView } from '../core/chat/chat.service.js'
export { enterRoomSchema } from '../core/chat/chat.schema.js'
export { roomListActivity } from '../core/presence/presence.service.js'
export { AppError } from '../core/errors.js'
export {
  getLegalPage,
  currentLegalVersion,
  saveLegalPage,
  paragraphs,
  LEGAL_KINDS,
  LEGAL_LOCALES,
  type LegalKind,
} from '../core/legal/legal.service.js'
export {
  requestHelpNow,
  getMemberCrisis,
  sendCrisisChat,
  listIncidentQueue,
  getIncidentDetail,
  acknowledgeIncident,
  resolveIncident,
  addIncidentNote,
  revealMemberIdentity,
  crisisCardFor,
} from '../core/crisis/crisis.service.js'
export {
  getCrisisAdminView,
  saveSchedule,
  addOverride,
  saveDefaultPolicy,
  dismissAlarm,
  listOpenAlarms,
} from '../core/crisis/crisis.admin.js'
export { getQueueHealth } from '../core/crisis/crisis.health.js'
export { keepHelpPress, HELP_RAISE_DEADLINE_MS } from '../core/crisis/crisis.degraded.js'
export { ACCOUNT_FORM_DEADLINE_MS, isUnavailable, withDeadline } from '../core/deadline.js'
export { memberCountry, crisisLinesFor, COUNTRY_CHOICES, OTHER_COUNTRY } from '../core/crisis/crisis-lines.js'
export {
  noteSchema,
  crisisChatSchema,
  resolveSchema,
  revealSchema,
  scheduleFormSchema,
  overrideFormSchema,
  policyFormSchema,
  CRISIS_OUTCOMES,
} from '../core/crisis/crisis.schema.js'
export * as groups from '../core/groups/groups.service.js'
export {
  facilitatorProfileSchema,
  groupSchema,
  joinRequestSchema,
  decisionSchema,
  moveSessionSchema,
  timeZoneSchema,
} from '../core/groups/groups.schema.js'
export { allTimeZones } from '../core/groups/recurrence.js'
export { groupFormSchema } from '../core/groups/groups.schema.js'
export { scheduleFromRule, scheduleFieldsSchema, type ScheduleFields } from '../core/groups/schedule.js'
export {
  getSessionPage,
  signalFacilitators,
  getOwnNotOkSignal,
  requestClinicianAfterSignal,
} from '../core/video/video.service.js'
export { sessionActionSchema } from '../core/video/video.schema.js'
export * as moderation from '../core/moderation/moderation.service.js'
export {
  actFormSchema,
  appealFormSchema,
  decideAppealSchema,
  assignFacilitatorSchema,
} from '../core/moderation/moderation.schema.js'
export { openSessionChat } from '../core/video/session-chat.js'
export * as messages from '../core/messages/messages.service.js'
export { sendMessageSchema, type ThreadMessage } from '../core/messages/messages.schema.js'
export * as library from '../core/library/library.service.js'
export {
  homeworkSchema,
  reflectionSchema,
  linkResourceSchema,
  readingResourceSchema,
  fileResourceSchema,
  type LibraryScope,
  type ResourceView,
} from '../core/library/library.schema.js'
export { storeUpload, discardUpload, type StoredUpload } from '../core/library/library.upload.js'
export { ACCEPT_ATTRIBUTE, contentDisposition } from '../core/library/file-types.js'
export { parseRangeHeader } from '../core/storage/byte-range.js'
export * as selfcare from '../core/selfcare/selfcare.service.js'
export * as selfcareForms from '../core/selfcare/selfcare.schema.js'
export * as safetyPlanForms from '../core/selfcare/safety-plan.schema.js'
export * as crisisFollowUp from '../core/crisis/crisis.followup.js'
export * as measures from '../core/measures/measures.service.js'
export * as measuresForms from '../core/measures/measures.schema.js'
export * as sessionNotes from '../core/sessionnotes/sessionnotes.service.js'
export * as sessionNotesForms from '../core/sessionnotes/sessionnotes.schema.js'
