import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  LobbyParticipant,
  OwnParticipation,
  ParticipationMode,
  ParticipantState,
  VideoTokenGrant,
} from '../../../core/contracts/socket-events.groups.js'
import type { RequestPayload } from '../../../core/contracts/socket-events.js'
import { connectSocket, request, type HoldspaceSocket } from '../chat/socket'

/** The facilitator's controls: requests whose payload is the session plus what the button adds. */
type SessionControl =
  | 'lobby:admit'
  | 'lobby:admit-all'
  | 'lobby:send-back'
  | 'participant:mute'
  | 'participant:remove'
  | 'video:mute-all'
  | 'video:end'
import { useT } from '../i18n'

type Phase = 'check' | 'joining' | 'lobby' | 'room' | 'removed' | 'ended'
type MediaStatus = 'idle' | 'ok' | 'audio-only' | 'failed'
type VideoStatus = 'idle' | 'connecting' | 'connected' | 'failed'

export interface SessionClientProps {
  sessionId: string
  role: 'facilitator' | 'member'
  name: string
  livekitConfigured: boolean
}

/**
 * The session page in the browser: device check (camera and microphone preview, choice of mode) → lobby →
 * the session. The server decides everything (admission, token, grants); this only follows its events.
 */
export function SessionClient({ sessionId, role, name, livekitConfigured }: SessionClientProps) {
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
  const roomRef = useRef<{ disconnect: () => Promise<void> } | null>(null)
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
      if (reply.data.state === 'admitted') {
        setPhase('room')
        if (reply.data.mode !== 'chat') await fetchToken()
      } else setPhase('lobby')
    }
    for (const event of ['connect', 'lobby:presence', 'lobby:updated', 'participant:updated', 'video:ended'] as const)
      socket.off(event)
    socket.on('connect', () => void join())
    socket.on('lobby:presence', (p) => p.sessionId === sessionId && setPresent(p.facilitatorPresent))
    socket.on('lobby:updated', (p) => p.sessionId === sessionId && setParticipants(p.participants))
    socket.on('participant:updated', (p) => {
      if (p.sessionId !== sessionId) return
      setOwn((current) => (current ? { ...current, state: p.state, muted: p.muted, mode: p.mode } : current))
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
        if (grant.canPublishSources.includes('microphone')) await room.localParticipant.setMicrophoneEnabled(true)
        if (grant.canPublishSources.includes('camera')) await room.localParticipant.setCameraEnabled(true)
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
            {own?.mode === 'chat' ? <p>{t('session.room.chatOnly')}</p> : null}
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
          <div className="video-grid" ref={mediaGrid} />
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
                {p.role === 'member' ? (
                  <div className="actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={`${p.muted ? t('session.facilitator.unmute') : t('session.facilitator.mute')}: ${p.name}`}
                      onClick={() =>
                        void control('participant:mute', { participantId: p.participantId, muted: !p.muted })
                      }
                    >
                      {p.muted ? t('session.facilitator.unmute') : t('session.facilitator.mute')}
                    </button>
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
