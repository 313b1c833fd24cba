import express, { type Request, type Response, type Router } from 'express'
import type { CoreDeps } from '../core/deps.js'
import { AppError, toErrorBody } from '../core/errors.js'
import { errorFields } from '../core/log/logger.js'
import { HTTP_STATUS } from '../core/contracts/errors.js'
import { receiveLivekitWebhook } from '../core/video/video.service.js'

/**
 * POST /livekit/webhook: LiveKit's signed events (participant joined/left, room finished) → attendance.
 * The raw body is kept for the signature check (a JWT over its sha256); core refuses forged, stale and
 * replayed events.
 */
export function livekitWebhookRouter(deps: CoreDeps): Router {
  const router = express.Router()
  router.post(
    '/livekit/webhook',
    express.raw({ type: ['application/webhook+json', 'application/json'], limit: '64kb' }),
    async (req: Request, res: Response) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
        const outcome = await receiveLivekitWebhook(deps, body, req.get('authorization') ?? req.get('authorize'))
        res.status(200).json({ status: outcome })
      } catch (error) {
        if (!(error instanceof AppError)) deps.log.error({ err: errorFields(error) }, 'livekit webhook failed')
        else deps.log.warn({ code: error.code }, 'livekit webhook refused')
        const body = toErrorBody(error)
        res.status(HTTP_STATUS[body.code]).json({ error: body })
      }
    },
  )
  return router
}
