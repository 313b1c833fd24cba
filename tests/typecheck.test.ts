import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** The whole repository type-checks under `strict` (tsconfig.json), so `npm test` catches type errors too. */
describe('typescript', () => {
  it('type-checks the whole repository without errors', () => {
    const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], {
      encoding: 'utf8',
    })
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 180_000)
})
