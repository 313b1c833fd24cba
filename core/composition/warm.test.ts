import { describe, expect, it } from 'vitest'
import { warmSendPath } from './warm.js'

describe('warming the send path at start (decision 051)', () => {
  it('reaches the risk rules in English and Polish, and ordinary messages, without storing or sending anything', () => {
    const report = warmSendPath(1)
    // A warm-up that never read a message at risk would leave the crisis path cold for the first member in crisis.
    for (const language of ['en', 'pl'] as const) {
      expect(report.levels[language]).toContain('none')
      expect(report.levels[language].some((level) => level === 'high' || level === 'imminent')).toBe(true)
    }
    // The moderation screen read every warm-up text too.
    expect(report.outcomes).toHaveLength(report.levels.en.length + report.levels.pl.length)
  })
})
