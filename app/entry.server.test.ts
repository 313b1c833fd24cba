import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { withoutNulBytes } from './entry.server'

describe('the page stream', () => {
  it("drops React 18's NUL padding and keeps a letter split across chunks whole", async () => {
    const letter = Buffer.from('ś') // two bytes, split between two chunks below
    const chunks = [
      Buffer.concat([Buffer.from('<p>Prywatno'), Buffer.alloc(3), letter.subarray(0, 1)]),
      Buffer.concat([letter.subarray(1), Buffer.from('ć</p>'), Buffer.alloc(1)]),
    ]
    const out = await text(Readable.from(chunks).pipe(withoutNulBytes()))
    expect(out).toBe('<p>Prywatność</p>')
  })
})
