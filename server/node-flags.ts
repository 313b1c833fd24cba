/**
 * The Node flags the server process runs with, everywhere it runs: `npm start` (scripts/dev.ts), the Dockerfile,
 * docker-compose.yml (tests/compose.test.ts pins both to this list) and `npm run bench` (bench/processes.ts, which
 * starts the bare references with the same flags, so ratios compare like with like).
 *
 * `--max-semi-space-size=32` (MB): V8's young generation is otherwise a few megabytes, so at hundreds of messages a
 * second short-lived objects (packets, rows, acks) are promoted before they die and old-generation collections then
 * pause the event loop for tens to hundreds of milliseconds: the chat's p99. Measured in `npm run bench` (chat, one
 * process, 2026-12-06 19:16 UTC): the platform's sustained rate rose from 5.5 to 9 messages a second per room
 * (docs/performance.md). It costs up to 3 × 32 MB more memory per process at peak.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'] as const
