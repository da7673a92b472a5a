import { isPoorQuality, type CallQuality } from '../../../../shared/model/sip';

/** One reading of a call's audio from RTCPeerConnection.getStats (cumulative counters). */
export interface QualitySample {
  readonly at: number;
  readonly packetsReceived: number;
  readonly packetsLost: number;
  readonly jitterMs: number;
  readonly rttMs: number | null;
}

/** How far back "now" reaches when deciding whether the SDR hears a bad line. */
const RECENT_MS = 5_000;

/**
 * Sums a call's quality: totals for the call log, and a verdict on the last few seconds for the
 * warning in the call panel (a bad minute early in a long call should not keep warning).
 */
export class QualityTracker {
  private readonly samples: QualitySample[] = [];
  private rttSum = 0;
  private rttCount = 0;
  private worstJitter = 0;

  add(sample: QualitySample): void {
    this.samples.push(sample);
    while (this.samples.length > 2 && sample.at - this.samples[1]!.at >= RECENT_MS) this.samples.shift();
    this.worstJitter = Math.max(this.worstJitter, sample.jitterMs);
    if (sample.rttMs !== null) {
      this.rttSum += sample.rttMs;
      this.rttCount += 1;
    }
  }

  summary(): CallQuality | null {
    const last = this.samples.at(-1);
    if (!last) return null;
    return {
      packetsReceived: last.packetsReceived,
      packetsLost: last.packetsLost,
      lossPct: lossPct(last.packetsReceived, last.packetsLost),
      jitterMs: round(this.worstJitter),
      rttMs: this.rttCount === 0 ? null : round(this.rttSum / this.rttCount),
    };
  }

  /** True when the last few seconds sound broken: loss over the window, current jitter and RTT. */
  poorNow(): boolean {
    const last = this.samples.at(-1);
    const first = this.samples[0];
    if (!last || !first) return false;
    const received = last.packetsReceived - (first === last ? 0 : first.packetsReceived);
    const lost = last.packetsLost - (first === last ? 0 : first.packetsLost);
    return isPoorQuality({ lossPct: lossPct(received, lost), jitterMs: last.jitterMs, rttMs: last.rttMs });
  }
}

function lossPct(received: number, lost: number): number {
  const total = received + Math.max(0, lost);
  return total === 0 ? 0 : round((Math.max(0, lost) / total) * 100);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Reads the inbound audio and round-trip figures out of a getStats report. */
export function sampleFromStats(report: RTCStatsReport, at: number): QualitySample | null {
  let inbound: { packetsReceived: number; packetsLost: number; jitterMs: number } | null = null;
  let rttMs: number | null = null;
  report.forEach((stat: Record<string, unknown>) => {
    if (stat['type'] === 'inbound-rtp' && stat['kind'] === 'audio') {
      inbound = {
        packetsReceived: num(stat['packetsReceived']),
        packetsLost: num(stat['packetsLost']),
        jitterMs: num(stat['jitter']) * 1000,
      };
    } else if (stat['type'] === 'remote-inbound-rtp' && stat['kind'] === 'audio' && typeof stat['roundTripTime'] === 'number') {
      rttMs = stat['roundTripTime'] * 1000;
    } else if (stat['type'] === 'candidate-pair' && stat['nominated'] === true && rttMs === null && typeof stat['currentRoundTripTime'] === 'number') {
      rttMs = stat['currentRoundTripTime'] * 1000;
    }
  });
  const found = inbound as { packetsReceived: number; packetsLost: number; jitterMs: number } | null;
  return found ? { at, ...found, rttMs } : null;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
