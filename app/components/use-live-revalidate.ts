import { useCallback, useEffect, useRef } from 'react'
import { useNavigation, useRevalidator } from '@remix-run/react'

/**
 * A stable `refresh()` for live events that should reload the page's data. Reloads are coalesced: while a form
 * submission, a navigation or another reload is in flight, an event only marks the data stale and one reload
 * follows when the page is idle again. Starting a reload under a running submission would abort one of them
 * (the submission's own revalidation already brings the newest data).
 */
export function useLiveRevalidate(): () => void {
  const revalidator = useRevalidator()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' || revalidator.state !== 'idle'
  const busyRef = useRef(busy)
  busyRef.current = busy
  const stale = useRef(false)
  const revalidate = useRef(revalidator.revalidate)
  revalidate.current = revalidator.revalidate

  useEffect(() => {
    if (!busy && stale.current) {
      stale.current = false
      revalidate.current()
    }
  }, [busy])

  return useCallback(() => {
    if (busyRef.current) stale.current = true
    else revalidate.current()
  }, [])
}
