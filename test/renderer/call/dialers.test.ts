import { describe, expect, it, vi } from 'vitest';
import { createDialer } from '../../../renderer/features/call';
import type { DialerSetting } from '../../../shared/model/dialer';

const opener = () => vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());

describe('createDialer', () => {
  it('hands a tel: link to the system', async () => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'tel' }, openExternal);

    await dialer.dial('+8613800138000');

    expect(openExternal).toHaveBeenCalledExactlyOnceWith('tel:+8613800138000');
    expect(dialer.via).toBe('tel');
  });

  it('hands a callto: link to a softphone', async () => {
    const openExternal = opener();
    await createDialer({ kind: 'callto' }, openExternal).dial('+861065529988');
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('callto:+861065529988');
  });

  it.each([
    ['sip:{e164}@pbx.example.com', 'sip:+8613800138000@pbx.example.com'],
    ['https://dial.example.com/call?to={digits}', 'https://dial.example.com/call?to=8613800138000'],
  ])('fills the team template %s', async (template, url) => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'template', template }, openExternal);

    await dialer.dial('+8613800138000');

    expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
    expect(dialer.via).toBe('template');
  });

  it('refuses to open a link for a number that is not E.164', async () => {
    const openExternal = opener();
    await expect(createDialer({ kind: 'tel' }, openExternal).dial('13800138000')).rejects.toMatchObject({ code: 'dial.refused' });
    await expect(createDialer({ kind: 'template', template: 'sip:{e164}@pbx.example.com' }, openExternal).dial('+86 138')).rejects.toMatchObject({
      code: 'dial.refused',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a template that no longer validates instead of opening it', async () => {
    const openExternal = opener();
    await expect(createDialer({ kind: 'template', template: 'javascript:alert({e164})' }, openExternal).dial('+8613800138000')).rejects.toMatchObject({
      code: 'dial.refused',
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('only logs the call when the SDR dials on their own phone', async () => {
    const openExternal = opener();
    const dialer = createDialer({ kind: 'logOnly' }, openExternal);

    await dialer.dial('+8613800138000');
    await dialer.hangUp();

    expect(openExternal).not.toHaveBeenCalled();
    expect(dialer.via).toBe('logOnly');
  });

  it.each<DialerSetting>([{ kind: 'tel' }, { kind: 'callto' }, { kind: 'template', template: 'sip:{e164}@pbx.example.com' }, { kind: 'logOnly' }])(
    'leaves the audio to the phone with $kind: no mute or hold',
    async (setting) => {
      const dialer = createDialer(setting, opener());
      expect(dialer.controlsAudio).toBe(false);
      await expect(dialer.setMuted(true)).rejects.toMatchObject({ code: 'dial.refused' });
      await expect(dialer.setHeld(true)).rejects.toMatchObject({ code: 'dial.refused' });
    },
  );
});
