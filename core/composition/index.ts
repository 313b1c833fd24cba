import type { CoreDeps } from '../deps.js'
import { composeChat } from './send.js'
import { composeAccountData } from './account-data.js'
import type { AccountDataRegistry } from '../identity/account-data.js'

/**
 * The composition root (docs/decisions/030-composition-root-and-after-commit.md): the one place that knows every
 * slice and assembles what spans them (the chat engine's steps and hooks from chat, crisis, moderation and the
 * session chat). Called where CoreDeps are made: core/runtime.ts (server and workers) and tests/support/deps.ts.
 * Slices never import core/composition.
 */
export function composeCore<D extends Omit<CoreDeps, 'chat'>>(
  base: D,
): D & Required<Pick<CoreDeps, 'chat'>> & { accountData: AccountDataRegistry } {
  return { ...base, chat: composeChat(), accountData: composeAccountData() }
}
