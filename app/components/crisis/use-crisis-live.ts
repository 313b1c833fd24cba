import { useEffect } from 'react'
import { connectSocket } from '../chat/socket'
import { useLiveRevalidate } from '../use-live-revalidate'

type CrisisEvent = 'crisis:status' | 'crisis:message' | 'incident:paged' | 'incident:updated'

/**
 * Reload the page's data when one of these crisis events arrives (coalesced, see useLiveRevalidate). Events
 * carry ids only; the page's loader reads the rest from the database, where it is scoped to the viewer.
 */
export function useCrisisLive(events: CrisisEvent[], filter?: (payload: { incidentId: string }) => boolean, enabled = true) {
  const refresh = useLiveRevalidate()
  const key = events.join(',')
  useEffect(() => {
    if (!enabled) return
    const socket = connectSocket()
    const onEvent = (payload: { incidentId: string }) => {
      if (!filter || filter(payload)) refresh()
    }
    for (const event of key.split(',') as CrisisEvent[]) socket.on(event, onEvent)
    // Whatever happened while disconnected is in the database: read it again on every (re)connect.
    socket.io.on('reconnect', refresh)
    return () => {
      socket.disconnect()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, refresh])
}
