/**
 * A stall of this process's own event loop, as a long synchronous task, a garbage-collection pause or an operating
 * system that gives both cores to other processes makes one: nothing else in this process runs until `done()` holds
 * and at least `ms` have passed. Answers that arrive meanwhile wait, unread, on their sockets.
 */
export function blockLoop(ms: number, done: () => boolean = () => true): void {
  const start = performance.now()
  while (performance.now() - start < ms || !done()) {
    // busy: nothing else in this process runs
  }
}
