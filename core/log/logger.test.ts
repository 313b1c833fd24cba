/**
 * Logged errors keep their stack in one JSON line (issue 16.3): `errorFields` gives type, message and stack, and
 * nothing else an error object carries (a driver's error can hold the failing query's parameters).
 */
import { PassThrough } from 'node:stream'
import { expect, it } from 'vitest'
import { createLogger, errorFields } from './logger.js'

it("logs an error as one line with its stack in err.stack, without the error's other properties", async () => {
  const out = new PassThrough()
  let written = ''
  out.on('data', (chunk: Buffer) => (written += chunk.toString()))
  const log = createLogger({ destination: out })
  const error = Object.assign(new TypeError('query failed'), { parameters: ['someone@example.org'], query: 'select 1' })
  log.error({ err: errorFields(error) }, 'action failed')
  await expect.poll(() => written).toContain('\n')
  const lines = written.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  const entry = JSON.parse(lines[0]!) as { msg: string; err: Record<string, unknown> }
  expect(entry.msg).toBe('action failed')
  expect(entry.err.message).toBe('query failed')
  expect(String(entry.err.stack)).toMatch(/^TypeError: query failed\n\s+at /)
  expect(lines[0]).not.toContain('someone@example.org')
  expect(Object.keys(entry.err).sort()).toEqual(['message', 'name', 'stack', 'type'])
  expect(errorFields('not an error').message).toBe('not an error')
})
