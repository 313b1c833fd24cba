import { classifyRisk, type RiskLevel } from '../crisis/classifier.js'
import { crisisLinesFor } from '../crisis/crisis-lines.js'
import { screenMessage, type ScreenOutcome } from '../moderation/screen.js'

/**
 * Runs the send path's screens once over a few typical messages before the server takes traffic
 * (docs/decisions/051-warm-send-path-at-start.md). V8 compiles a regular expression and the code around it on first
 * use: the classifier's and the screen's rules for risk are only reached by a message at risk, so without this the
 * first member in crisis after every start paid that (tens of milliseconds on a quiet machine, hundreds on a busy one)
 * while the room's transaction waited. Nothing is stored or sent; texts are constants, never members' words.
 */
const TEXTS: ReadonlyArray<{ language: 'en' | 'pl'; text: string; context: string[] }> = [
  { language: 'en', text: 'hi everyone, how is your week going?', context: [] },
  { language: 'en', text: 'everything feels pointless and i am so tired of it all', context: ['rough day today'] },
  {
    language: 'en',
    text: "i can't do this anymore, i'm going to kill myself tonight",
    context: ['nobody would even notice', 'rough day today'],
  },
  { language: 'en', text: 'i have been thinking about ending my life, i have the pills here', context: [] },
  { language: 'pl', text: 'cześć wszystkim, jak minął wam tydzień?', context: [] },
  { language: 'pl', text: 'wszystko wydaje się bez sensu i jestem tym zmęczona', context: ['ciężki dzień'] },
  { language: 'pl', text: 'nie dam już rady, dziś w nocy się zabiję', context: ['nikt by nawet nie zauważył'] },
]

export interface WarmReport {
  /** What each warm-up text was read as, per language: a warm-up that never reached the risk rules is no warm-up. */
  levels: Record<'en' | 'pl', RiskLevel[]>
  outcomes: ScreenOutcome[]
  ms: number
}

export function warmSendPath(rounds = 2): WarmReport {
  const started = performance.now()
  const levels: WarmReport['levels'] = { en: [], pl: [] }
  const outcomes: ScreenOutcome[] = []
  for (let round = 0; round < rounds; round++) {
    for (const { language, text, context } of TEXTS) {
      const risk = classifyRisk(text, { context })
      const screened = screenMessage(text, { recentOwnTexts: context })
      if (round === 0) {
        levels[language].push(risk.level)
        outcomes.push(screened.outcome)
      }
    }
  }
  for (const country of ['GB', 'US', 'PL', 'IE', null]) crisisLinesFor(country)
  return { levels, outcomes, ms: performance.now() - started }
}
