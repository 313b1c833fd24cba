import { useRef, useState, type FormEvent } from 'react'
import { useActionData, useRevalidator } from '@remix-run/react'
import { Field, FormError, SafeForm, SubmitButton, TextAreaField, useResetKey } from '../forms'
import { useRootData, useT } from '../i18n'
import type { ResourceView } from '../../services.server'

/** What a library page's loader gives its list: core's ResourceView (all strings, so the same as JSON). */
type ResourceItem = ResourceView

type FailedForm = { formError?: string; fieldErrors?: Record<string, string>; kind?: string } | undefined

export function formatSize(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024
  return new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mb ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024))
}

function FileBody({ resource }: { resource: ResourceItem & { file: NonNullable<ResourceItem['file']> } }) {
  const t = useT()
  const { file } = resource
  const openLink = (
    <a href={file.href} type={file.contentType}>
      {t('library.openFile', { name: file.fileName, size: formatSize(file.sizeBytes, t.locale) })}
    </a>
  )
  const captionId = `resource-${resource.id}-caption`
  if (file.family === 'audio') {
    return (
      <>
        <audio controls preload="metadata" src={file.href} aria-labelledby={captionId} className="library-media">
          {t('library.mediaFallback')}
        </audio>
        <p>{openLink}</p>
      </>
    )
  }
  if (file.family === 'video') {
    return (
      <>
        <video
          controls
          preload="metadata"
          src={file.href}
          aria-labelledby={captionId}
          className="library-media"
          playsInline
        >
          {t('library.mediaFallback')}
        </video>
        <p>{openLink}</p>
      </>
    )
  }
  if (file.family === 'image') {
    return (
      <>
        <img src={file.href} alt={resource.title} className="library-image" loading="lazy" />
        <p>{openLink}</p>
      </>
    )
  }
  return <p>{openLink}</p>
}

export function ResourceList({ resources }: { resources: ResourceItem[] }) {
  const t = useT()
  if (resources.length === 0) return <p>{t('library.empty')}</p>
  return (
    <ul className="library-list">
      {resources.map((r) => (
        <li key={r.id} className="card library-item" data-testid="library-item">
          <figure>
            <figcaption id={`resource-${r.id}-caption`}>
              <h3>{r.title}</h3>
              <span className="badge">{t(`library.kind.${r.kind}`)}</span>
            </figcaption>
            {r.description ? <p className="library-description">{r.description}</p> : null}
            {r.kind === 'link' && r.url ? (
              <p>
                <a href={r.url} rel="noopener noreferrer nofollow" target="_blank">
                  {t('library.openLink')}
                </a>{' '}
                <span className="help library-url">{r.url}</span>
              </p>
            ) : null}
            {r.kind === 'reading' && r.paragraphs ? (
              <div className="library-reading">
                {r.paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ) : null}
            {r.kind === 'file' && r.file ? <FileBody resource={{ ...r, file: r.file }} /> : null}
          </figure>
          <p className="help">
            {t('library.addedBy', { name: r.addedBy ?? t('library.addedByTeam'), when: r.addedLabel })}
          </p>
          {r.canDelete ? (
            <SafeForm>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="resourceId" value={r.id} />
              <button type="submit" className="link-button" aria-label={`${t('library.delete')}: ${r.title}`}>
                {t('library.delete')}
              </button>
            </SafeForm>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * The upload form. Without JavaScript it posts to the page (multipart). With it, the same fields go to
 * /library/upload by XMLHttpRequest so a progress bar can follow the upload; the list then reloads.
 */
function parseReply(text: string): { ok?: boolean; formError?: string; fieldErrors?: Record<string, string> } | null {
  try {
    return JSON.parse(text) as { ok?: boolean; formError?: string; fieldErrors?: Record<string, string> }
  } catch {
    return null
  }
}

function UploadForm({
  pageAction,
  uploadUrl,
  maxBytes,
  accept,
  failed,
}: {
  pageAction: string
  uploadUrl: string
  maxBytes: number
  accept: string
  failed: FailedForm
}) {
  const t = useT()
  const { csrfToken, formToken } = useRootData()
  const revalidator = useRevalidator()
  const [progress, setProgress] = useState<number | null>(null)
  const [result, setResult] = useState<{
    ok: boolean
    formError?: string
    fieldErrors?: Record<string, string>
  } | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const shown = result ?? (failed ? { ok: false, ...failed } : null)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === 'undefined') return
    event.preventDefault()
    const form = event.currentTarget
    const xhr = new XMLHttpRequest()
    xhr.open('POST', uploadUrl)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      setProgress(null)
      const body = parseReply(xhr.responseText)
      if (body?.ok) {
        formRef.current?.reset()
        setResult({ ok: true })
        revalidator.revalidate()
      } else {
        setResult({
          ok: false,
          formError: body?.formError ?? (body?.fieldErrors ? undefined : 'INTERNAL'),
          fieldErrors: body?.fieldErrors,
        })
      }
    }
    xhr.onerror = () => {
      setProgress(null)
      setResult({ ok: false, formError: 'UNAVAILABLE' })
    }
    setResult(null)
    setProgress(0)
    xhr.send(new FormData(form))
  }

  const busy = progress !== null
  return (
    <form ref={formRef} method="post" encType="multipart/form-data" action={pageAction} onSubmit={onSubmit}>
      {shown?.ok ? (
        <p className="notice" role="status">
          {t('library.notice.added')}
        </p>
      ) : null}
      <FormError code={shown && !shown.ok ? shown.formError : undefined} />
      <input type="hidden" name="csrf" value={csrfToken} />
      <input type="hidden" name="formToken" value={formToken} />
      <Field
        label={t('library.field.title')}
        name="title"
        type="text"
        required
        minLength={3}
        maxLength={160}
        error={shown?.fieldErrors?.title}
      />
      <TextAreaField
        label={t('library.field.description')}
        help={t('library.field.descriptionHelp')}
        name="description"
        maxLength={2000}
        error={shown?.fieldErrors?.description}
      />
      <Field
        label={t('library.field.file')}
        help={t('library.field.fileHelp', { size: formatSize(maxBytes, t.locale) })}
        name="file"
        type="file"
        accept={accept}
        required
        error={shown?.fieldErrors?.file}
      />
      {busy ? (
        <div className="upload-progress" role="status">
          <label htmlFor="upload-progress">{t('library.uploadProgress')}</label>
          <progress id="upload-progress" max={100} value={progress}>
            {progress}%
          </progress>
          <span>{progress}%</span>
        </div>
      ) : null}
      <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('library.uploading') : t('library.submit.file')}
      </button>
    </form>
  )
}

export function AddResourceForms({
  pageAction,
  uploadUrl,
  maxBytes,
  accept,
  failed,
}: {
  pageAction: string
  uploadUrl: string
  maxBytes: number
  accept: string
  failed: FailedForm
}) {
  const t = useT()
  const forKind = (kind: string) => (failed?.kind === kind ? failed : undefined)
  // After a resource was added (or one deleted) the add forms are empty again.
  const added = useActionData() as { ok?: boolean } | undefined
  const resetKey = useResetKey(added?.ok === true)
  return (
    <section className="card" aria-labelledby="add-resource">
      <h2 id="add-resource">{t('library.add.title')}</h2>
      <details open={failed?.kind === 'link' || undefined}>
        <summary>{t('library.add.link')}</summary>
        <SafeForm action={pageAction} key={`link-${resetKey}`}>
          <input type="hidden" name="intent" value="add-link" />
          <Field
            label={t('library.field.title')}
            name="title"
            type="text"
            required
            minLength={3}
            maxLength={160}
            error={forKind('link')?.fieldErrors?.title}
          />
          <Field
            label={t('library.field.url')}
            name="url"
            type="url"
            required
            maxLength={2000}
            error={forKind('link')?.fieldErrors?.url}
          />
          <TextAreaField
            label={t('library.field.description')}
            name="description"
            maxLength={2000}
            error={forKind('link')?.fieldErrors?.description}
          />
          <SubmitButton>{t('library.submit.link')}</SubmitButton>
        </SafeForm>
      </details>
      <details open={failed?.kind === 'reading' || undefined}>
        <summary>{t('library.add.reading')}</summary>
        <SafeForm action={pageAction} key={`reading-${resetKey}`}>
          <input type="hidden" name="intent" value="add-reading" />
          <Field
            label={t('library.field.title')}
            name="title"
            type="text"
            required
            minLength={3}
            maxLength={160}
            error={forKind('reading')?.fieldErrors?.title}
          />
          <TextAreaField
            label={t('library.field.description')}
            name="description"
            maxLength={2000}
            error={forKind('reading')?.fieldErrors?.description}
          />
          <TextAreaField
            label={t('library.field.body')}
            help={t('library.field.bodyHelp')}
            name="body"
            required
            maxLength={50000}
            rows={10}
            error={forKind('reading')?.fieldErrors?.body}
          />
          <SubmitButton>{t('library.submit.reading')}</SubmitButton>
        </SafeForm>
      </details>
      <details open={!failed || failed.kind === 'file' || undefined}>
        <summary>{t('library.add.file')}</summary>
        <UploadForm
          pageAction={pageAction}
          uploadUrl={uploadUrl}
          maxBytes={maxBytes}
          accept={accept}
          failed={forKind('file')}
        />
      </details>
    </section>
  )
}
