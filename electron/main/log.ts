/**
 * Main-process logging, one place to route it (stderr for now; a log file later).
 * Renderer-visible errors carry codes; the details a user should never see go here.
 */
export const log = {
  warn(message: string, details?: unknown): void {
    console.warn(`[sdr-desk] ${message}`, ...(details === undefined ? [] : [details]));
  },
  error(message: string, details?: unknown): void {
    console.error(`[sdr-desk] ${message}`, ...(details === undefined ? [] : [details]));
  },
};
