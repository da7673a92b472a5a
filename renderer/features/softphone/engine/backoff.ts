/**
 * When to try the PBX again after the connection or a registration failed: quickly at first (a
 * server restart is over in seconds), then further apart up to a minute, with jitter so a whole
 * team's desks coming back online do not hit the PBX in the same instant.
 */
export const BACKOFF_STEPS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000] as const;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = BACKOFF_STEPS_MS[Math.min(Math.max(attempt, 0), BACKOFF_STEPS_MS.length - 1)]!;
  return Math.round(base * (0.8 + 0.4 * random()));
}
