import { describe, expect, it, vi } from 'vitest';
import { applyWebRtcSwitches } from '../../electron/main/services/webrtcSwitches';

describe('the WebRTC switches', () => {
  it('let the caller be heard without a click, and leave mDNS candidates as Chromium has them', () => {
    const commandLine = { appendSwitch: vi.fn() };
    applyWebRtcSwitches(commandLine);
    expect(commandLine.appendSwitch.mock.calls).toEqual([['autoplay-policy', 'no-user-gesture-required']]);
  });
});
