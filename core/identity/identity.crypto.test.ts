/**
 * The id digest memo (the chat send's Redis keys): the same digest as `keyedDigest`, for every secret apart, and
 * never more than its bound kept.
 */
import { describe, expect, it } from 'vitest'
import { createIdDigestMemo, keyedDigest, keyedDigestOfId } from './identity.crypto.js'

describe('createIdDigestMemo', () => {
  it('answers what keyedDigest answers, for each secret apart, the first time and when remembered', () => {
    const memo = createIdDigestMemo(16)
    for (const secret of ['first secret', 'second secret'])
      for (const id of ['room-1', 'account-1', 'room-1']) expect(memo(secret, id)).toBe(keyedDigest(secret, id))
    expect(memo('first secret', 'room-1')).not.toBe(memo('second secret', 'room-1'))
  })

  it('remembers what it computed: a second digest of an id adds nothing', () => {
    const memo = createIdDigestMemo(16)
    memo('secret', 'a')
    memo('secret', 'b')
    expect(memo.size).toBe(2)
    memo('secret', 'a')
    memo('secret', 'b')
    expect(memo.size).toBe(2)
  })

  it('keeps at most its bound per secret, dropping the oldest, and still answers for a dropped id', () => {
    const memo = createIdDigestMemo(3)
    for (let n = 0; n < 50; n++) memo('secret', `id-${n}`)
    expect(memo.size).toBe(3)
    expect(memo('secret', 'id-0')).toBe(keyedDigest('secret', 'id-0'))
    expect(memo.size).toBe(3)
  })

  it('keeps ids for a few secrets only', () => {
    const memo = createIdDigestMemo(2)
    for (let n = 0; n < 20; n++) memo(`secret-${n}`, 'id')
    expect(memo.size).toBeLessThanOrEqual(4)
  })

  it("the process's memo is the one the chat send's keys use", () => {
    expect(keyedDigestOfId('s', 'account-9')).toBe(keyedDigest('s', 'account-9'))
  })
})
