import { describe, expect, it } from 'vitest'
import { AppError, toErrorBody } from './errors.js'

describe('AppError', () => {
  it('is recognised when it comes from another copy of core (the Remix build bundles its own)', () => {
    // What the server's copy of a slice throws, as seen by a route in the bundle: another class with the same mark.
    const foreign = Object.assign(new Error('CRISIS_OPEN'), {
      name: 'AppError',
      code: 'CRISIS_OPEN',
      [Symbol.for('holdspace.AppError')]: true,
    })
    expect(foreign instanceof AppError).toBe(true)
    expect(toErrorBody(foreign).code).toBe('CRISIS_OPEN')
    expect(new AppError('NOT_FOUND') instanceof AppError).toBe(true)
    expect(new Error('CRISIS_OPEN') instanceof AppError).toBe(false)
    expect(toErrorBody(new Error('boom')).code).toBe('INTERNAL')
  })
})
