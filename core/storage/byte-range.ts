import type { ByteRange } from './storage.js'

export type RangeRequest = { kind: 'whole' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' }

/**
 * A single HTTP byte range (RFC 9110 §14.1.2) against an object of `size` bytes: "bytes=a-b", "bytes=a-" or
 * "bytes=-n". No header, another unit, or several ranges: the whole object. Anything malformed or outside the
 * object: unsatisfiable (416).
 */
export function parseRangeHeader(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: 'whole' }
  const value = header.trim()
  if (!/^bytes=/i.test(value)) return { kind: 'whole' }
  const spec = value.slice(6).trim()
  if (spec.includes(',')) return { kind: 'whole' }
  const m = /^(\d*)-(\d*)$/.exec(spec)
  if (!m || (m[1] === '' && m[2] === '') || size === 0) return { kind: 'unsatisfiable' }
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0) return { kind: 'unsatisfiable' }
    return { kind: 'range', range: { start: Math.max(0, size - suffix), end: size - 1 } }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (!Number.isSafeInteger(start) || start >= size || start > end) return { kind: 'unsatisfiable' }
  return { kind: 'range', range: { start, end } }
}
