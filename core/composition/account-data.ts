import type { AccountDataRegistry } from '../identity/account-data.js'
import { AppError } from '../errors.js'
import { selectChatExport } from '../chat/chat.queries.js'
import { hasOpenIncident, selectCrisisExport } from '../crisis/crisis.queries.js'
import { leadsAnyGroup, selectGroupMembershipExport } from '../groups/groups.queries.js'
import { selectModerationExport } from '../moderation/moderation.queries.js'
import { exportSelfCareData } from '../selfcare/selfcare.service.js'
import { discardLibraryFiles, exportLibraryData, libraryFilesOf } from '../library/library.service.js'
import { exportMessagesData } from '../messages/messages.service.js'
import { exportMeasuresData } from '../measures/measures.service.js'
import { exportReactionsData } from '../reactions/reactions.service.js'
import { exportVideoData } from '../video/video.service.js'
import { exportSessionNotesData } from '../sessionnotes/sessionnotes.service.js'
import { exportRotaData } from '../roomhours/roomhours.service.js'

/**
 * Every slice's part of "export my data" and "delete my account" (core/identity/account-data.ts), in the order
 * of the export. A slice with member data adds one entry here; core/identity/account-data.test.ts proves the
 * export is complete and that deletion leaves no row behind.
 */
export function composeAccountData(): AccountDataRegistry {
  return [
    { name: 'chat', exportData: (deps, accountId) => selectChatExport(deps.sql, accountId) },
    {
      name: 'groups',
      exportData: (deps, accountId) => selectGroupMembershipExport(deps.sql, accountId),
      // A group's lead must hand it over first (LEADS_GROUPS).
      refuseErasure: async (tx, accountId) => {
        if (await leadsAnyGroup(tx, accountId)) throw new AppError('LEADS_GROUPS')
      },
    },
    { name: 'moderation', exportData: (deps, accountId) => selectModerationExport(deps.sql, accountId) },
    {
      name: 'crisis',
      exportData: (deps, accountId) => selectCrisisExport(deps.sql, accountId),
      // A paged clinician must be able to reach the member while the incident is open (docs/decisions/020).
      refuseErasure: async (tx, accountId) => {
        if (await hasOpenIncident(tx, accountId)) throw new AppError('CRISIS_OPEN')
      },
    },
    { name: 'selfCare', exportData: exportSelfCareData },
    {
      name: 'homeworkAndLibrary',
      exportData: exportLibraryData,
      prepareErasure: async (deps, accountId) => {
        const uploads = await libraryFilesOf(deps, accountId)
        return () => discardLibraryFiles(deps, uploads)
      },
    },
    { name: 'privateMessages', exportData: exportMessagesData },
    { name: 'measures', exportData: exportMeasuresData },
    { name: 'reactions', exportData: exportReactionsData },
    { name: 'groupSessionSignals', exportData: exportVideoData },
    // Attendance and the notes about the member; not the note about the whole session (docs/decisions/042).
    { name: 'sessionNotes', exportData: exportSessionNotesData },
    { name: 'roomRota', exportData: exportRotaData },
  ]
}
