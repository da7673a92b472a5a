/**
 * Hybrid logical clock (Kulkarni et al.): wall time plus a counter, so that clocks only move
 * forward even when a laptop's time jumps back, and ties break on the client id. Encoded as a
 * fixed-width string that sorts in clock order.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly clientId: string;
}

export function tickHlc(previous: Hlc, nowMs: number): Hlc {
  if (nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0, clientId: previous.clientId };
  return { wallMs: previous.wallMs, counter: previous.counter + 1, clientId: previous.clientId };
}

/** Advances the local clock past a clock received from elsewhere. */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wallMs = Math.max(local.wallMs, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === local.wallMs && wallMs === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wallMs === local.wallMs) counter = local.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return { wallMs, counter, clientId: local.clientId };
}

export function encodeHlc(hlc: Hlc): string {
  return `${hlc.wallMs.toString().padStart(15, '0')}:${hlc.counter.toString(36).padStart(5, '0')}:${hlc.clientId}`;
}

export function decodeHlc(encoded: string): Hlc {
  const match = /^(\d{15}):([0-9a-z]{5}):(.+)$/.exec(encoded);
  if (!match) throw new Error(`Malformed HLC: ${encoded}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 36), clientId: match[3]! };
}
