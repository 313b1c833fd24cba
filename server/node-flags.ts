/**
 * The Node flags the server process runs with, everywhere it runs: `npm start` (scripts/dev.ts), `npm run server`
 * (package.json), the Dockerfile, docker-compose.yml (tests/compose.test.ts pins these three to this list) and
 * `npm run bench` (bench/processes.ts, which starts the bare references with the same flags, so ratios compare like
 * with like).
 *
 * `--max-semi-space-size=32` (MB): V8's young generation is otherwise a few megabytes, so at hundreds of messages a
 * second short-lived objects (packets, rows, acks) are promoted before they die and old-generation collections then
 * pause the event loop for tens to hundreds of milliseconds: the chat's p99. Measured in `npm run bench` (chat, one
 * process, 2026-12-06 19:16 UTC): the platform's sustained rate rose from 5.5 to 9 messages a second per room
 * (docs/performance.md). It costs up to 3 × 32 MB more memory per process at peak.
 *
 * `--no-regexp-tier-up`: every message goes through both screens (moderation and crisis), a few thousand small
 * regexes, of which a message runs about sixty. By default V8 first runs a regex in its bytecode interpreter and
 * compiles it to machine code on a later run; with this flag it compiles it to machine code on its first run. The
 * crisis lists compile theirs at module load either way (core/text/word-alternation.ts), so what changes is the
 * rest (the moderation screen's rules, the scope words, the tokenisers). Matches are the same (the flag changes how
 * a regex runs, not what it matches); a regex run only once costs a machine-code compile instead of a bytecode one.
 * Measured in decision 075.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32', '--no-regexp-tier-up'] as const
