import { useCallback, useEffect, useRef, useState } from 'react'
import type { Room } from 'livekit-client'
import type {
  LobbyParticipant,
  OwnParticipation,
  ParticipationMode,
  ParticipantState,
  RaisedHand,
  VideoTokenGrant,
} from '../../../core/contracts/socket-events.groups.js'
import type { RequestPayload } from '../../../core/contracts/socket-events.js'
import { connectSocket, request, type HoldspaceSocket } from '../chat/socket'
import { SessionSignals, type SignalItem } from '../video/session-signals'
import { Time } from '../time'

/** The facilitator's controls: requests whose payload is the session plus what the button adds. */
type SessionControl =
  | 'lobby:admit'
  | 'lobby:admit-all'
  | 'lobby:send-back'
  | 'participant:mute'
  | 'participant:remove'
  | 'video:mute-all'
  | 'video:end'
  | 'hand:lower'
  | 'participant:ask-unmute'
import { useT } from '../i18n'

/** RoomEvent.ParticipantPermissionsChanged, by name: livekit-client itself is loaded only once a token is in hand. */
type PermissionEvents = {
  on(event: 'participantPermissionsChanged', listener: () => void): unknown
  off(event: 'participantPermissionsChanged', listener: () => void): unknown
}

type Phase = 'check' | 'joining' | 'lobby' | 'room' | 'removed' | 'ended'
type MediaStatus = 'idle' | 'ok' | 'audio-only' | 'failed'
type VideoStatus = 'idle' | 'connecting' | 'connected' | 'failed'

export interface SessionClientProps {
  sessionId: string
  role: 'facilitator' | 'member'
  name: string
  livekitConfigured: boolean
  /** Facilitators only: the members' private signals so far (newest first); live ones are added. */
  signals?: SignalItem[] | null
}

/**
 * The session page in the browser: device check (camera and microphone preview, choice of mode) → lobby →
 * the session. The server decides everything (admission, token, grants); this only follows its events.
 */
export function SessionClient({
  sessionId,
  role,
  name,
  livekitConfigured,
  signals: initialSignals,
}: SessionClientProps) {
  const t = useT()
  const [phase, setPhase] = useState<Phase>('check')
  const [mode, setMode] = useState<ParticipationMode>(livekitConfigured ? 'video' : 'chat')
  const [media, setMedia] = useState<MediaStatus>('idle')
  const [error, setError] = useState<string | null>(null)
  const [own, setOwn] = useState<OwnParticipation | null>(null)
  const [present, setPresent] = useState(false)
  const [sentBack, setSentBack] = useState(false)
  const [participants, setParticipants] = useState<LobbyParticipant[]>([])
  const [grant, setGrant] = useState<VideoTokenGrant | null>(null)
  const [video, setVideo] = useState<VideoStatus>('idle')
  const socketRef = useRef<HoldspaceSocket | null>(null)
  const previewRef = useRef<HTMLVideoElement | null>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const mediaGrid = useRef<HTMLDivElement | null>(null)
  const roomRef = useRef<Room | null>(null)
  const [hands, setHands] = useState<RaisedHand[]>([])
  const [signals, setSignals] = useState<SignalItem[]>(initialSignals ?? [])
  // Members start muted (decision 047): their microphone and camera stay off until they turn them on.
  const [micOn, setMicOn] = useState(false)
  const [cameraOn, setCameraOn] = useState(false)
  const modeRef = useRef(mode)
  modeRef.current = mode

  const stopPreview = () => {
    streamRef.current?.getTracks().forEach((track) => track.stop())
    streamRef.current = null
  }

  const testDevices = async () => {
    stopPreview()
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: mode === 'video', audio: true })
      streamRef.current = stream
      if (previewRef.current && mode === 'video') previewRef.current.srcObject = stream
      setMedia(mode === 'video' ? 'ok' : 'audio-only')
    } catch {
      setMedia('failed')
    }
  }

  const leaveVideo = useCallback(async () => {
    const room = roomRef.current
    roomRef.current = null
    setGrant(null)
    setVideo('idle')
    setMicOn(false)
    setCameraOn(false)
    await room?.disconnect().catch(() => {})
  }, [])

  const fetchToken = useCallback(async () => {
    const socket = socketRef.current
    if (!socket || !livekitConfigured) return
    const reply = await request(socket, 'video:token', { sessionId })
    if (reply.ok) setGrant(reply.data)
    else setError(reply.error.code)
  }, [sessionId, livekitConfigured])

  const enter = async () => {
    setPhase('joining')
    setError(null)
    stopPreview()
    const socket = socketRef.current ?? connectSocket()
    socketRef.current = socket
    const join = async () => {
      const reply = await request(socket, 'lobby:join', { sessionId, mode: modeRef.current })
      if (!reply.ok) {
        setError(reply.error.code)
        setPhase(reply.error.code === 'FORBIDDEN' ? 'removed' : 'check')
        return
      }
      setOwn(reply.data)
      setPresent(reply.data.facilitatorPresent)
      if (reply.data.participants) setParticipants(reply.data.participants)
      if (reply.data.hands) setHands(reply.data.hands)
      if (reply.data.state === 'admitted') {
        setPhase('room')
        if (reply.data.mode !== 'chat') await fetchToken()
      } else setPhase('lobby')
    }
    for (const event of [
      'connect',
      'lobby:presence',
      'lobby:updated',
      'participant:updated',
      'video:ended',
      'hand:queue',
      'video:unmute-asked',
      'wellbeing:signalled',
    ] as const)
      socket.off(event)
    socket.on('hand:queue', (p) => p.sessionId === sessionId && setHands(p.hands))
    socket.on(
      'video:unmute-asked',
      (p) => p.sessionId === sessionId && setOwn((current) => (current ? { ...current, unmuteAsked: true } : current)),
    )
    socket.on('wellbeing:signalled', (p) => {
      if (p.sessionId !== sessionId) return
      const { signalId, participantName, kind, at } = p.signal
      setSignals((list) =>
        list.some((x) => x.signalId === signalId)
          ? list
          : [{ signalId, name: participantName, kind, at, clinicianRequested: false }, ...list],
      )
    })
    socket.on('connect', () => void join())
    socket.on('lobby:presence', (p) => p.sessionId === sessionId && setPresent(p.facilitatorPresent))
    socket.on('lobby:updated', (p) => p.sessionId === sessionId && setParticipants(p.participants))
    socket.on('participant:updated', (p) => {
      if (p.sessionId !== sessionId) return
      setOwn((current) =>
        current
          ? {
              ...current,
              state: p.state,
              muted: p.muted,
              mode: p.mode,
              handRaised: p.handRaised,
              unmuteAsked: p.unmuteAsked,
            }
          : current,
      )
      // A facilitator's mute takes the permission away in LiveKit, which unpublishes the tracks.
      if (p.muted) {
        setMicOn(false)
        setCameraOn(false)
      }
      onState(p.state, p.mode)
    })
    socket.on('video:ended', (p) => {
      if (p.sessionId !== sessionId) return
      void leaveVideo()
      setPhase('ended')
    })
    if (socket.connected) await join()
  }

  const onState = (state: ParticipantState, currentMode: ParticipationMode) => {
    if (state === 'admitted') {
      setSentBack(false)
      setPhase('room')
      if (currentMode !== 'chat') void fetchToken()
    } else if (state === 'lobby') {
      void leaveVideo()
      setSentBack(true)
      setPhase('lobby')
    } else {
      void leaveVideo()
      setPhase('removed')
    }
  }

  // Connect to LiveKit once a token is in hand (the client library is loaded only then).
  useEffect(() => {
    if (!grant) return
    let cancelled = false
    // A new token (after a reconnect or re-admission) replaces any earlier connection.
    void roomRef.current?.disconnect().catch(() => {})
    setVideo('connecting')
    ;(async () => {
      try {
        const { Room, RoomEvent } = await import('livekit-client')
        const room = new Room({ adaptiveStream: true, dynacast: true })
        roomRef.current = room
        room.on(RoomEvent.TrackSubscribed, (track) => {
          const element = track.attach()
          element.setAttribute('aria-label', track.kind)
          mediaGrid.current?.appendChild(element)
        })
        room.on(RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((el) => el.remove()))
        room.on(RoomEvent.Disconnected, () => !cancelled && setVideo((v) => (v === 'connected' ? 'idle' : v)))
        await room.connect(grant.url, grant.token)
        if (cancelled) return room.disconnect()
        setVideo('connected')
        // Start muted: nothing is published until the person turns their microphone or camera on.
      } catch {
        if (!cancelled) setVideo('failed')
      }
    })()
    return () => {
      cancelled = true
    }
  }, [grant])

  useEffect(
    () => () => {
      stopPreview()
      void roomRef.current?.disconnect()
      socketRef.current?.disconnect()
    },
    [],
  )

  const control = async <E extends SessionControl>(event: E, payload: Omit<RequestPayload<E>, 'sessionId'>) => {
    const socket = socketRef.current
    if (!socket) return
    const reply = await request(socket, event, { sessionId, ...payload } as RequestPayload<E>)
    setError(reply.ok ? null : reply.error.code)
  }

  /** Waits until LiveKit has applied the publish permission the server just granted (or a generous while). */
  const publishAllowed = (room: Room) =>
    new Promise<void>((resolve) => {
      if (room.localParticipant.permissions?.canPublish) return resolve()
      const events = room as unknown as PermissionEvents
      const done = () => {
        clearTimeout(timer)
        events.off('participantPermissionsChanged', done)
        resolve()
      }
      const timer = setTimeout(done, 10_000)
      events.on('participantPermissionsChanged', done)
    })

  /** Turn one's own microphone or camera on or off. Opening it the first time (or after a mute, when asked) is a
   *  request to the server, which alone changes the permission in LiveKit. */
  const toggleMedia = async (kind: 'microphone' | 'camera', on: boolean) => {
    const socket = socketRef.current
    const room = roomRef.current
    if (!socket || !room) return
    try {
      if (on && role === 'member' && !room.localParticipant.permissions?.canPublish) {
        const reply = await request(socket, 'video:unmute-self', { sessionId })
        if (!reply.ok) return setError(reply.error.code)
        await publishAllowed(room)
      }
      if (kind === 'microphone') {
        await room.localParticipant.setMicrophoneEnabled(on)
        setMicOn(on)
      } else {
        await room.localParticipant.setCameraEnabled(on)
        setCameraOn(on)
      }
      setError(null)
    } catch {
      setError('UNAVAILABLE')
    }
  }

  const answerAsk = async (accept: boolean) => {
    const socket = socketRef.current
    if (!socket) return
    if (accept) {
      if (roomRef.current) await toggleMedia('microphone', true)
      else {
        const reply = await request(socket, 'video:unmute-self', { sessionId })
        setError(reply.ok ? null : reply.error.code)
      }
    } else {
      const reply = await request(socket, 'video:decline-unmute', { sessionId })
      setError(reply.ok ? null : reply.error.code)
    }
  }

  const raiseHand = async (raised: boolean) => {
    const socket = socketRef.current
    if (!socket) return
    const reply = await request(socket, 'hand:raise', { sessionId, raised })
    if (!reply.ok) return setError(reply.error.code)
    setError(null)
    setOwn((current) => (current ? { ...current, handRaised: reply.data.handRaised } : current))
  }

  const modes: ParticipationMode[] = livekitConfigured ? ['video', 'audio', 'chat'] : ['chat']
  const lobby = participants.filter((p) => p.role === 'member' && p.state === 'lobby')
  const inRoom = participants.filter((p) => p.state === 'admitted')

  return (
    <div data-testid="session-client" data-phase={phase}>
      {error ? (
        <div className="form-error" role="alert">
          {t.error(error)}
        </div>
      ) : null}
      <p>{t('session.you', { name })}</p>

      {phase === 'check' || phase === 'joining' ? (
        <section className="card" aria-labelledby="device-check">
          <h2 id="device-check">{t('session.deviceCheck.title')}</h2>
          <fieldset>
            <legend>{t('session.mode.legend')}</legend>
            {modes.map((m) => (
              <label key={m} className="choice">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                <span>{t(`session.mode.${m}`)}</span>
              </label>
            ))}
          </fieldset>
          {mode !== 'chat' ? (
            <>
              <p className="help">{t('session.deviceCheck.help')}</p>
              <video
                ref={previewRef}
                className="device-preview"
                autoPlay
                muted
                playsInline
                aria-label={t('session.deviceCheck.preview')}
                hidden={media !== 'ok'}
              />
              <div className="actions">
                <button type="button" className="button" onClick={() => void testDevices()}>
                  {t('session.deviceCheck.start')}
                </button>
              </div>
              <p role="status" data-testid="device-status">
                {media === 'ok'
                  ? t('session.deviceCheck.ok')
                  : media === 'audio-only'
                    ? t('session.deviceCheck.audioOk')
                    : media === 'failed'
                      ? t('session.deviceCheck.failed')
                      : ''}
              </p>
            </>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={phase === 'joining'}
              onClick={() => void enter()}
            >
              {role === 'facilitator' ? t('session.enterAsFacilitator') : t('session.enterLobby')}
            </button>
          </div>
        </section>
      ) : null}

      {phase === 'lobby' ? (
        <section className="card" aria-labelledby="lobby" aria-live="polite">
          <h2 id="lobby">{t('session.lobby.title')}</h2>
          {sentBack ? <p className="notice">{t('session.lobby.sentBack')}</p> : null}
          <p className="status-line" data-testid="lobby-status">
            {present ? t('session.lobby.waiting') : t('session.lobby.noFacilitator')}
          </p>
        </section>
      ) : null}

      {phase === 'room' ? (
        <section className="card" aria-labelledby="in-room">
          <h2 id="in-room">{t('session.room.title')}</h2>
          <div aria-live="polite">
            {own?.muted ? <p className="notice">{t('session.room.muted')}</p> : null}
            {own?.mode === 'chat' ? (
              <p>{t('session.room.chatOnly')}</p>
            ) : (
              <p className="help">{t('video.startMuted')}</p>
            )}
            {role === 'member' && own?.handRaised ? (
              <p className="status-line" data-testid="hand-status">
                {t('video.hand.raised')}
              </p>
            ) : null}
            {grant ? <p data-testid="token-status">{t('session.room.tokenReady')}</p> : null}
            {video !== 'idle' ? (
              <p className="status-line" data-testid="video-status">
                {video === 'connecting'
                  ? t('session.room.connecting')
                  : video === 'connected'
                    ? t('session.room.connected')
                    : t('session.room.failed')}
              </p>
            ) : null}
          </div>
          {role === 'member' && own?.muted && own.unmuteAsked ? (
            <div className="notice unmute-ask" role="alert" data-testid="unmute-ask">
              <p>
                <strong>{t('video.ask.title')}</strong>
              </p>
              <p>{t('video.ask.body')}</p>
              <div className="actions">
                <button type="button" className="button primary" onClick={() => void answerAsk(true)}>
                  {t('video.ask.accept')}
                </button>
                <button type="button" className="button" onClick={() => void answerAsk(false)}>
                  {t('video.ask.decline')}
                </button>
              </div>
            </div>
          ) : null}
          <div className="actions media-controls">
            {video === 'connected' && own && own.mode !== 'chat' && !(role === 'member' && own.muted) ? (
              <>
                <button
                  type="button"
                  className="button"
                  aria-pressed={micOn}
                  onClick={() => void toggleMedia('microphone', !micOn)}
                >
                  {micOn ? t('video.mic.off') : t('video.mic.on')}
                </button>
                {own.mode === 'video' ? (
                  <button
                    type="button"
                    className="button"
                    aria-pressed={cameraOn}
                    onClick={() => void toggleMedia('camera', !cameraOn)}
                  >
                    {cameraOn ? t('video.camera.off') : t('video.camera.on')}
                  </button>
                ) : null}
              </>
            ) : null}
            {role === 'member' ? (
              <button
                type="button"
                className="button"
                aria-pressed={own?.handRaised ?? false}
                data-testid="hand-button"
                onClick={() => void raiseHand(!own?.handRaised)}
              >
                {own?.handRaised ? t('video.hand.lower') : t('video.hand.raise')}
              </button>
            ) : null}
          </div>
          <div className="video-grid" ref={mediaGrid} />
        </section>
      ) : null}

      {role === 'facilitator' && phase === 'room' ? (
        <section className="card" aria-labelledby="hand-queue" aria-live="polite">
          <h2 id="hand-queue">{t('video.hands.title')}</h2>
          {hands.length === 0 ? (
            <p>{t('video.hands.empty')}</p>
          ) : (
            <>
              <ol className="participants hand-queue" data-testid="hand-queue">
                {hands.map((h) => (
                  <li key={h.participantId}>
                    <span className="name">{h.name}</span>
                    <span className="help">
                      <Time at={h.raisedAt} />
                    </span>
                    <div className="actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t('video.hands.lower')}: ${h.name}`}
                        onClick={() => void control('hand:lower', { participantId: h.participantId })}
                      >
                        {t('video.hands.lower')}
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
              <div className="actions">
                <button type="button" className="button" onClick={() => void control('hand:lower', {})}>
                  {t('video.hands.lowerAll')}
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}

      {role === 'facilitator' && phase === 'room' ? (
        <section className="card" aria-labelledby="lobby-admin">
          <h2 id="lobby-admin">{t('session.facilitator.lobby')}</h2>
          {lobby.length === 0 ? (
            <p>{t('session.facilitator.nobodyWaiting')}</p>
          ) : (
            <>
              <ul className="participants" data-testid="lobby-list">
                {lobby.map((p) => (
                  <li key={p.participantId}>
                    <span className="name">{p.name}</span>
                    <span className="help">{t('session.facilitator.mode', { mode: t(`session.mode.${p.mode}`) })}</span>
                    <div className="actions">
                      <button
                        type="button"
                        className="button primary"
                        aria-label={`${t('session.facilitator.admit')}: ${p.name}`}
                        onClick={() => void control('lobby:admit', { participantId: p.participantId })}
                      >
                        {t('session.facilitator.admit')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t('session.facilitator.remove')}: ${p.name}`}
                        onClick={() => void control('participant:remove', { participantId: p.participantId })}
                      >
                        {t('session.facilitator.remove')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button type="button" className="button" onClick={() => void control('lobby:admit-all', {})}>
                  {t('session.facilitator.admitAll')}
                </button>
              </div>
            </>
          )}
          <h2>{t('session.facilitator.inRoom')}</h2>
          <ul className="participants" data-testid="room-list">
            {inRoom.map((p) => (
              <li key={p.participantId}>
                <span className="name">{p.name}</span>
                {p.role === 'facilitator' ? (
                  <span className="badge facilitator">{t('room.badge.facilitator')}</span>
                ) : null}
                {p.muted ? <span className="badge muted-badge">{t('session.facilitator.mutedBadge')}</span> : null}
                {p.handRaised ? <span className="badge">{t('video.facilitator.handBadge')}</span> : null}
                {p.role === 'member' ? (
                  <div className="actions">
                    {/* A facilitator mutes, never unmutes: they ask, and the member turns their microphone on. */}
                    {p.muted ? (
                      <button
                        type="button"
                        className="button"
                        disabled={p.unmuteAsked}
                        aria-label={`${p.unmuteAsked ? t('video.facilitator.asked') : t('video.facilitator.askUnmute')}: ${p.name}`}
                        onClick={() => void control('participant:ask-unmute', { participantId: p.participantId })}
                      >
                        {p.unmuteAsked ? t('video.facilitator.asked') : t('video.facilitator.askUnmute')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t('session.facilitator.mute')}: ${p.name}`}
                        onClick={() =>
                          void control('participant:mute', { participantId: p.participantId, muted: true })
                        }
                      >
                        {t('session.facilitator.mute')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button"
                      aria-label={`${t('session.facilitator.sendBack')}: ${p.name}`}
                      onClick={() => void control('lobby:send-back', { participantId: p.participantId })}
                    >
                      {t('session.facilitator.sendBack')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`${t('session.facilitator.remove')}: ${p.name}`}
                      onClick={() => void control('participant:remove', { participantId: p.participantId })}
                    >
                      {t('session.facilitator.remove')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button" onClick={() => void control('video:mute-all', {})}>
              {t('session.facilitator.muteAll')}
            </button>
            <button type="button" className="button danger" onClick={() => void control('video:end', {})}>
              {t('session.facilitator.end')}
            </button>
          </div>
        </section>
      ) : null}

      {role === 'facilitator' ? <SessionSignals signals={signals} /> : null}

      {phase === 'removed' ? (
        <p className="notice" role="status">
          {t('session.removed')}
        </p>
      ) : null}
      {phase === 'ended' ? (
        <p className="notice" role="status">
          {t('session.ended')}
        </p>
      ) : null}
    </div>
  )
}
