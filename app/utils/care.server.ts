import { redirect } from '@remix-run/node'

/** A self-care record that is not the viewer's own answers exactly like one that does not exist. */
export function rethrowNotFound(error: unknown): never {
  if ((error as { code?: string } | null)?.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
  throw error
}

/** Where a saved journal entry or mood check-in goes next: the crisis question first when the text called for it. */
export function afterSaving(kind: 'journal' | 'mood', saved: { id: string; askAboutSupport: boolean }, next: string) {
  return redirect(saved.askAboutSupport ? `/care/support/${kind}/${saved.id}` : next)
}

export function noticeFrom(request: Request): string | null {
  const value = new URL(request.url).searchParams.get('done')
  return value && /^[a-z-]{1,20}$/.test(value) ? value : null
}
