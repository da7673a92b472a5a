import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../shared/sync/hlc';

describe('hybrid logical clock', () => {
  const start = { wallMs: 1000, counter: 0, clientId: 'a' };

  it('moves forward even when the wall clock goes back', () => {
    const next = tickHlc(start, 500);
    expect(next).toEqual({ wallMs: 1000, counter: 1, clientId: 'a' });
    expect(encodeHlc(next) > encodeHlc(start)).toBe(true);
  });

  it('passes a remote clock from the future', () => {
    const merged = receiveHlc(start, { wallMs: 5000, counter: 3, clientId: 'b' }, 1200);
    expect(merged).toEqual({ wallMs: 5000, counter: 4, clientId: 'a' });
  });

  it('encodes to strings that sort in clock order and decode back', () => {
    const a = encodeHlc({ wallMs: 999, counter: 40, clientId: 'z' });
    const b = encodeHlc({ wallMs: 1000, counter: 0, clientId: 'a' });
    expect(a < b).toBe(true);
    expect(decodeHlc(a)).toEqual({ wallMs: 999, counter: 40, clientId: 'z' });
    expect(() => decodeHlc('garbage')).toThrow(/Malformed/);
  });
});
