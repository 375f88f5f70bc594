/**
 * Timers for time limits. Node (and browsers) wait at most 2³¹ − 1 ms: a
 * longer delay fires at once, with a `TimeoutOverflowWarning`, so a limit
 * near the largest one `timeLimitMs` accepts, with a grace added, would stop
 * a solve before it began.
 *
 * @module
 * @internal
 */

/** The longest delay a timer waits: 2³¹ − 1 ms (24.8 days). @internal */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** `setTimeout` with its delay held to what a timer can wait. @internal */
export const timerAfter = (run: () => void, ms: number): ReturnType<typeof setTimeout> =>
  setTimeout(run, Math.min(Math.max(0, ms), MAX_TIMER_MS))
