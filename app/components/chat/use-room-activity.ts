import { useEffect, useState } from 'react'
import type { RoomActivity } from '../../../core/contracts/socket-events.chat.js'
import { connectSocket, isNewer, request } from './socket'

/** Live counts for the room list: starts from the loader's numbers, then follows `rooms:updated`. */
export function useRoomActivity(initial: RoomActivity[]): Record<string, RoomActivity> {
  const [activity, setActivity] = useState<Record<string, RoomActivity>>(() =>
    Object.fromEntries(initial.map((a) => [a.roomId, a])),
  )
  useEffect(() => {
    const socket = connectSocket()
    const apply = (updates: RoomActivity[]) =>
      setActivity((current) => {
        const next = { ...current }
        for (const update of updates)
          if (isNewer(update.version, next[update.roomId]?.version)) next[update.roomId] = update
        return next
      })
    socket.on('connect', () => {
      void request(socket, 'rooms:watch', {}).then((reply) => {
        if (reply.ok) apply(reply.data.rooms)
      })
    })
    socket.on('rooms:updated', (update) => apply([update]))
    return () => {
      socket.removeAllListeners()
      socket.disconnect()
    }
  }, [])
  return activity
}
