import type { CoreDeps } from '../../core/deps.js'
import { sendPasswordResetEmail, sendSignUpEmail } from '../../core/identity/identity.service.js'
import type { JobPayload } from '../../core/contracts/jobs.js'

export const identityProcessors = {
  'password-reset:send': (deps: CoreDeps, payload: JobPayload<'password-reset:send'>) =>
    sendPasswordResetEmail(deps, payload),
  'signup:email': (deps: CoreDeps, payload: JobPayload<'signup:email'>) => sendSignUpEmail(deps, payload),
}
