import { chatPrefetch, chatSteps, type ChatComposition } from '../chat/send-pipeline.js'
import { crisisSend } from '../crisis/crisis.pipeline.js'
import { moderationSend } from '../moderation/moderation.pipeline.js'
import { roomHoursSend } from '../roomhours/roomhours.pipeline.js'
import { sessionChatSend } from '../video/session-chat.js'

/**
 * The chat engine as production runs it, in written order (docs/decisions/030-composition-root-and-after-commit.md).
 * Every entry point that sends (the socket handler, a session's chat, tests) gets this one pipeline through
 * `deps.chat`; a step runs because it is listed here, never because some module was imported.
 *
 * Why this order:
 * - `session-chat-access` right after `authorize`: a session's chat also needs the session open.
 * - `crisis-detect` right after `validate`, before anything that may refuse the message (mute, rate limit, the
 *   screen's reject), so a refused message is still heard; its reading lets a crisis past the room's rate budget.
 * - `room-hours` after `replay` (a resend of a message stored while the room was open gets its ack) and after
 *   `crisis-detect` (a message refused because the room is closed is still heard).
 * - `moderation` (mute/ban) after `replay`: a resend of a message stored before the mute gets its original ack.
 * - `screen` after `rate-limit` (a flood is refused before it costs a screen), `screen-verdict` just before `persist`.
 * - after `persist`: the held notice, then the broadcast (no text for a held message), then the held text to its
 *   readers, then the crisis card into the ack.
 * - persist hooks, in the message's transaction: the crisis raise first (paging commits with the message), then
 *   moderation's hold and flag; started in this order, they do not wait for each other (decision 069).
 */
export function composeChat(): ChatComposition {
  const chat = chatSteps
  const crisis = crisisSend.steps
  const moderation = moderationSend.steps
  return {
    send: {
      steps: [
        chat.authenticate,
        chat.authorize,
        sessionChatSend.steps.access,
        chat.validate,
        crisis.detect,
        chat.replay,
        roomHoursSend.steps.roomHours,
        moderation.mayPost,
        chat.rateLimit,
        moderation.screen,
        moderation.verdict,
        chat.persist,
        moderation.notice,
        chat.broadcast,
        moderation.heldToReaders,
        crisis.card,
      ],
      persistHooks: [crisisSend.persistHook, moderationSend.persistHook],
      abortHooks: [crisisSend.abortHook],
      // What the steps keep in a socket's send-cache entry, loaded side by side when the entry is made (a join, a
      // first send, a reload) rather than one after another by detect, room-hours and moderation (decision 071).
      cachePrefetch: [chatPrefetch.recentTexts, roomHoursSend.prefetch.roomHours, moderationSend.prefetch.restrictions],
    },
    editHooks: [moderationSend.editHook],
    roomReadGuards: [sessionChatSend.readGuard, moderationSend.readGuard],
    heldReaderChecks: [moderationSend.heldReaderCheck],
  }
}
