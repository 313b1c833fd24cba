import { describe, expect, it } from 'vitest'
import { runScreeningAsServer } from './screening.js'

describe('runScreeningAsServer', () => {
  it("fails with the measuring process's own error when that process fails", async () => {
    const progress: string[] = []
    // Zero rounds is refused by the child process, which exits with an error on its stderr.
    await expect(runScreeningAsServer({ iterations: 0, progress: (line) => progress.push(line) })).rejects.toThrow(
      /the screening process exited with 1: [\s\S]*iterations: 0/,
    )
    expect(progress.join('\n')).toContain('iterations: 0')
  })
})
