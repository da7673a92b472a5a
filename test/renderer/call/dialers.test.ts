import { describe, expect, it, vi } from 'vitest';
import { createDialer, logOnlyDialer, type DialProgress } from '../../../renderer/features/call';
import type { DialerSetting } from '../../../shared/model/dialer';

const opener = () => vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
const progress: DialProgress = { onConnected: () => undefined, onEnded: () => undefined };
/** Stands in for the softphone feature's dialer: createDialer only has to hand it out. */
const softphone = { ...logOnlyDialer, via: 'sip' as const };

describe('createDialer', () => {
  it('hands a tel: link to the system', async () => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'tel' }, openExternal, softphone);

    await dialer.dial('+8613800138000', progress);

    expect(openExternal).toHaveBeenCalledExactlyOnceWith('tel:+8613800138000');
    expect(dialer.via).toBe('tel');
  });

  it('hands a callto: link to a softphone', async () => {
    const openExternal = opener();
    await createDialer({ kind: 'callto' }, openExternal, softphone).dial('+861065529988', progress);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('callto:+861065529988');
  });

  it.each([
    ['sip:{e164}@pbx.example.com', 'sip:+8613800138000@pbx.example.com'],
    ['https://dial.example.com/call?to={digits}', 'https://dial.example.com/call?to=8613800138000'],
  ])('fills the team template %s', async (template, url) => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'template', template }, openExternal, softphone);

    await dialer.dial('+8613800138000', progress);

    expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
    expect(dialer.via).toBe('template');
  });

  it('refuses to open a link for a number that is not E.164', async () => {
    const openExternal = opener();
    await expect(createDialer({ kind: 'tel' }, openExternal, softphone).dial('13800138000', progress)).rejects.toMatchObject({ code: 'dial.refused' });
    await expect(createDialer({ kind: 'template', template: 'sip:{e164}@pbx.example.com' }, openExternal, softphone).dial('+86 138', progress)).rejects.toMatchObject({
      code: 'dial.refused',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a template that no longer validates instead of opening it', async () => {
    const openExternal = opener();
    await expect(createDialer({ kind: 'template', template: 'javascript:alert({e164})' }, openExternal, softphone).dial('+8613800138000', progress)).rejects.toMatchObject({
      code: 'dial.refused',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('only logs the call when the SDR dials on their own phone', async () => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'logOnly' }, openExternal, softphone);

    await dialer.dial('+8613800138000', progress);
    await dialer.hangUp();

    expect(openExternal).not.toHaveBeenCalled();
    expect(dialer.via).toBe('logOnly');
  });

  it('refuses in check(), before anything is logged, a number it cannot dial', () => {
    expect(() => createDialer({ kind: 'tel' }, opener(), softphone).check('13800138000')).toThrow(expect.objectContaining({ code: 'dial.refused' }));
    expect(() => createDialer({ kind: 'tel' }, opener(), softphone).check('+8613800138000')).not.toThrow();
  });

  it('hands out the softphone for the sip setting', () => {
    expect(createDialer({ kind: 'sip' }, opener(), softphone)).toBe(softphone);
  });

  it.each<DialerSetting>([{ kind: 'tel' }, { kind: 'callto' }, { kind: 'template', template: 'sip:{e164}@pbx.example.com' }, { kind: 'logOnly' }])(
    'leaves the audio to the phone with $kind: no mute or hold',
    async (setting) => {
      const dialer = createDialer(setting, opener(), softphone);
      expect(dialer.controlsAudio).toBe(false);
      await expect(dialer.setMuted(true)).rejects.toMatchObject({ code: 'dial.refused' });
      await expect(dialer.setHeld(true)).rejects.toMatchObject({ code: 'dial.refused' });
    },
  );
});
