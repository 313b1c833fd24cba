/**
 * `npm run --silent crisis:classify`: reads one message per line on stdin and prints one JSON
 * object per line on stdout: {"level": "...", "signals": [...], "language": "en|pl"}.
 * An empty line gives level none. Nothing else is written to stdout.
 */
import { createInterface } from 'node:readline'
import { classifyRisk } from '../core/crisis/classifier.js'

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
lines.on('line', (line) => {
  const { level, signals, language } = classifyRisk(line)
  process.stdout.write(`${JSON.stringify({ level, signals, language })}\n`)
})
