import type { FileFamily } from './library.schema.js'

/**
 * What may be uploaded. A file is accepted only when the type the browser declared is listed here AND its first
 * bytes (sniffed with file-type) are of the same kind; it is then served with the canonical type below.
 */
interface AllowedType {
  family: FileFamily
  canonical: string
  declared: string[]
  sniffed: string[]
}

export const ALLOWED_FILE_TYPES: AllowedType[] = [
  { family: 'audio', canonical: 'audio/mpeg', declared: ['audio/mpeg', 'audio/mp3'], sniffed: ['mp3'] },
  {
    family: 'audio',
    canonical: 'audio/mp4',
    declared: ['audio/mp4', 'audio/x-m4a', 'audio/m4a'],
    sniffed: ['m4a', 'mp4'],
  },
  { family: 'audio', canonical: 'audio/ogg', declared: ['audio/ogg', 'audio/opus'], sniffed: ['ogg', 'oga', 'opus'] },
  {
    family: 'audio',
    canonical: 'audio/wav',
    declared: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
    sniffed: ['wav'],
  },
  { family: 'video', canonical: 'video/mp4', declared: ['video/mp4'], sniffed: ['mp4', 'm4v'] },
  { family: 'video', canonical: 'video/webm', declared: ['video/webm'], sniffed: ['webm'] },
  { family: 'pdf', canonical: 'application/pdf', declared: ['application/pdf'], sniffed: ['pdf'] },
  { family: 'image', canonical: 'image/png', declared: ['image/png'], sniffed: ['png'] },
  { family: 'image', canonical: 'image/jpeg', declared: ['image/jpeg', 'image/jpg'], sniffed: ['jpg'] },
]

/** The file input's accept attribute. */
export const ACCEPT_ATTRIBUTE = [
  ...new Set(ALLOWED_FILE_TYPES.flatMap((t) => t.declared)),
  '.mp3',
  '.m4a',
  '.ogg',
  '.wav',
  '.mp4',
  '.webm',
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
].join(',')

export function allowedTypeFor(declared: string): AllowedType | null {
  const bare = declared.split(';')[0]!.trim().toLowerCase()
  return ALLOWED_FILE_TYPES.find((t) => t.declared.includes(bare)) ?? null
}

export function familyOf(contentType: string): FileFamily {
  return ALLOWED_FILE_TYPES.find((t) => t.canonical === contentType)?.family ?? 'pdf'
}

/**
 * A file name safe to keep: the base name only, no control, path or text-direction characters, at most 120 characters
 * (extension kept). Every other printable character is kept (`a=b "c" ;d.pdf` stays as it is): the name is stored as
 * data, never used as a storage key or logged, escaped by React on the page and encoded by contentDisposition.
 */
export function sanitizeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  if (!cleaned) return 'file'
  if (cleaned.length <= 120) return cleaned
  const dot = cleaned.lastIndexOf('.')
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : ''
  return cleaned.slice(0, 120 - ext.length) + ext
}

/** `inline` with an ASCII fallback and the exact name in RFC 5987 encoding. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
