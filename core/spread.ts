/**
 * The k-th point of the golden-ratio sequence in [0, 1): whatever k, the points so far are spread evenly, so things
 * that start together (sockets after a server restart, cache entries loaded in one burst, a bench's members) can each
 * take their own moment instead of all coming due in the same second (issue 15).
 */
const GOLDEN_RATIO_FRACTION = 0.6180339887498949

export function spreadFraction(k: number): number {
  return (k * GOLDEN_RATIO_FRACTION) % 1
}
