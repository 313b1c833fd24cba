import { useEffect, useRef } from 'react'
import { connectSocket } from '../chat/socket'
import { useLiveRevalidate } from '../use-live-revalidate'

type CrisisEvent = 'crisis:status' | 'crisis:message' | 'incident:paged' | 'incident:updated'

/**
 * Reload the page's data when one of these crisis events arrives (coalesced, see useLiveRevalidate). Events
 * carry ids only; the page's loader reads the rest from the database, where it is scoped to the viewer.
 */
export function useCrisisLive(
  events: CrisisEvent[],
  filter?: (payload: { incidentId: string }) => boolean,
  enabled = true,
) {
  const refresh = useLiveRevalidate()
  // The latest filter, without reconnecting the socket when a caller passes a new function each render.
  const filterRef = useRef(filter)
  filterRef.current = filter
  const key = events.join(',')
  useEffect(() => {
    if (!enabled) return
    const socket = connectSocket()
    const onEvent = (payload: { incidentId: string }) => {
      if (!filterRef.current || filterRef.current(payload)) refresh()
    }
    for (const event of key.split(',') as CrisisEvent[]) socket.on(event, onEvent)
    // Whatever happened while disconnected is in the database: read it again on every (re)connect.
    socket.io.on('reconnect', refresh)
    return () => {
      socket.disconnect()
    }
  }, [key, enabled, refresh])
}
