import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { notifyNewMessage } from '../../core/messages/messages.service.js'

export const messagesProcessors = {
  'messages:notify': (deps: CoreDeps, payload: JobPayload<'messages:notify'>) => notifyNewMessage(deps, payload),
}
