import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { readSetting, writeSetting } from '../../../renderer/features/settings';
import { MicProblemMessage } from '../../../renderer/features/softphone/audio/MicProblemMessage';
import { applySpeaker, audioConstraints, describeMediaError, type MicProblem } from '../../../renderer/features/softphone/audio/devices';
import { AudioDeviceSettings } from '../../../renderer/features/softphone/ui/AudioDeviceSettings';
import { LevelMeter } from '../../../renderer/features/softphone/ui/LevelMeter';
import { renderWithI18n } from '../../helpers/renderWithI18n';

function device(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) };
}

const DEVICES = [
  device('audioinput', 'default', 'Default - Built-in Microphone'),
  device('audioinput', 'mic-builtin', 'Built-in Microphone'),
  device('audioinput', 'mic-usb', 'Jabra Evolve2 65'),
  device('audiooutput', 'default', 'Default - Built-in Speakers'),
  device('audiooutput', 'spk-builtin', 'Built-in Speakers'),
  device('audiooutput', 'spk-usb', 'Jabra Evolve2 65'),
  device('videoinput', 'cam', 'FaceTime HD Camera'),
];

function fakeTrack() {
  return { kind: 'audio', stop: vi.fn<() => void>() };
}

function fakeStream(track = fakeTrack()): MediaStream {
  return { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

/** navigator.mediaDevices as a browser has it, with devices that can be plugged in later. */
class FakeMediaDevices extends EventTarget {
  devices: MediaDeviceInfo[] = DEVICES;
  enumerateDevices = vi.fn(() => Promise.resolve(this.devices));
  getUserMedia = vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>(() => Promise.resolve(fakeStream()));
}

function installMediaDevices(media: FakeMediaDevices | undefined) {
  Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true, writable: true });
}

/** An AudioContext whose analyser hears a steady tone of the given amplitude. */
function installAudioContext(amplitude: number) {
  const contexts: { close: ReturnType<typeof vi.fn> }[] = [];
  class FakeAudioContext {
    close = vi.fn(() => Promise.resolve());
    constructor() {
      contexts.push(this);
    }
    createMediaStreamSource() {
      return { connect: vi.fn(), disconnect: vi.fn() };
    }
    createAnalyser() {
      return {
        fftSize: 2048,
        getFloatTimeDomainData(samples: Float32Array) {
          samples.forEach((_, i) => (samples[i] = i % 2 === 0 ? amplitude : -amplitude));
        },
      };
    }
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 5) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle));
  return contexts;
}

function installSetSinkId(impl: (id: string) => Promise<void> = () => Promise.resolve()) {
  const setSinkId = vi.fn(impl);
  Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', { value: setSinkId, configurable: true, writable: true });
  return setSinkId;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
  Reflect.deleteProperty(HTMLMediaElement.prototype, 'setSinkId');
  vi.unstubAllGlobals();
});

describe('describeMediaError', () => {
  beforeEach(() => installMediaDevices(new FakeMediaDevices()));

  it.each<[string, MicProblem]>([
    ['NotAllowedError', 'blocked'],
    ['SecurityError', 'blocked'],
    ['NotFoundError', 'notFound'],
    ['OverconstrainedError', 'notFound'],
    ['NotReadableError', 'inUse'],
    ['AbortError', 'inUse'],
    ['TypeError', 'other'],
  ])('%s → %s', (name, problem) => {
    expect(describeMediaError(new DOMException('refused', name))).toBe(problem);
  });

  it('is "other" for anything that is not a media error', () => {
    expect(describeMediaError(new Error('boom'))).toBe('other');
    expect(describeMediaError('boom')).toBe('other');
    expect(describeMediaError(null)).toBe('other');
  });

  it('is "insecure" where the page may not have media devices at all', () => {
    installMediaDevices(undefined);
    expect(describeMediaError(new TypeError("Cannot read properties of undefined (reading 'getUserMedia')"))).toBe('insecure');
  });
});

describe('audioConstraints', () => {
  it('asks for the chosen microphone exactly, with the voice processing on', () => {
    expect(audioConstraints({ input: 'mic-usb', output: 'spk-usb' })).toEqual({
      deviceId: { exact: 'mic-usb' },
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    });
  });

  it('leaves the device to the system when none is chosen', () => {
    const constraints = audioConstraints({ input: null, output: null });
    expect(constraints).not.toHaveProperty('deviceId');
    expect(constraints).toEqual({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  });
});

describe('applySpeaker', () => {
  it('is false where the browser cannot choose a speaker', async () => {
    expect(await applySpeaker(document.createElement('audio'), 'spk-usb')).toBe(false);
  });

  it('routes the element to the chosen speaker, or the default for null', async () => {
    const setSinkId = installSetSinkId();
    const audio = document.createElement('audio');
    expect(await applySpeaker(audio, 'spk-usb')).toBe(true);
    expect(await applySpeaker(audio, null)).toBe(true);
    expect(setSinkId.mock.calls).toEqual([['spk-usb'], ['']]);
  });

  it('falls back to the default speaker when the chosen one is gone', async () => {
    const setSinkId = installSetSinkId((id) => (id === '' ? Promise.resolve() : Promise.reject(new DOMException('gone', 'NotFoundError'))));
    expect(await applySpeaker(document.createElement('audio'), 'spk-usb')).toBe(false);
    expect(setSinkId.mock.calls).toEqual([['spk-usb'], ['']]);
  });
});

describe('AudioDeviceSettings', () => {
  it('lists the microphones and speakers and stores the choice', async () => {
    const media = new FakeMediaDevices();
    installMediaDevices(media);
    installSetSinkId();
    await writeSetting('audioDevices', { input: null, output: 'spk-builtin' });
    await renderWithI18n(<AudioDeviceSettings />);
    const user = userEvent.setup();

    const mic = screen.getByRole('combobox', { name: 'Microphone' });
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('Jabra Evolve2 65'));
    expect([...(mic as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['System default', 'Built-in Microphone', 'Jabra Evolve2 65']);
    const speaker = screen.getByRole('combobox', { name: 'Speaker' });
    expect([...(speaker as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['System default', 'Built-in Speakers', 'Jabra Evolve2 65']);
    await waitFor(() => expect(speaker).toHaveValue('spk-builtin'));
    expect(mic).toHaveValue('');

    await user.selectOptions(mic, 'Jabra Evolve2 65');
    await waitFor(async () => expect(await readSetting('audioDevices')).toEqual({ input: 'mic-usb', output: 'spk-builtin' }));
    await user.selectOptions(speaker, 'System default');
    await waitFor(async () => expect(await readSetting('audioDevices')).toEqual({ input: 'mic-usb', output: null }));
  });

  it('lists a headset plugged in later', async () => {
    const media = new FakeMediaDevices();
    media.devices = DEVICES.filter((d) => d.deviceId !== 'mic-usb');
    installMediaDevices(media);
    await renderWithI18n(<AudioDeviceSettings />);
    await screen.findByRole('option', { name: 'Built-in Microphone' });
    expect(screen.queryByRole('option', { name: 'Jabra Evolve2 65' })).not.toBeInTheDocument();

    media.devices = DEVICES;
    act(() => {
      media.dispatchEvent(new Event('devicechange'));
    });
    expect(await screen.findByRole('option', { name: 'Jabra Evolve2 65' })).toBeInTheDocument();
  });

  it('says when the browser cannot choose a speaker', async () => {
    installMediaDevices(new FakeMediaDevices());
    await renderWithI18n(<AudioDeviceSettings />);
    expect(screen.queryByRole('combobox', { name: 'Speaker' })).not.toBeInTheDocument();
    expect(screen.getByText('This browser cannot choose a speaker: calls play on the system’s default output.')).toBeInTheDocument();
  });

  it('tests the chosen microphone live, then shows the device names', async () => {
    const media = new FakeMediaDevices();
    // Before the microphone is allowed, browsers hide names (and often ids).
    media.devices = [device('audioinput', 'mic-usb', ''), device('audioinput', 'mic-builtin', '')];
    const track = fakeTrack();
    media.getUserMedia.mockImplementation(() => {
      media.devices = DEVICES;
      return Promise.resolve(fakeStream(track));
    });
    installMediaDevices(media);
    const contexts = installAudioContext(0.1);
    await writeSetting('audioDevices', { input: 'mic-usb', output: null });
    await renderWithI18n(<AudioDeviceSettings />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Microphone 1' });
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toHaveAccessibleDescription('Device names appear once the microphone is allowed: use “Test microphone”.');

    await user.click(screen.getByRole('button', { name: 'Test microphone' }));

    expect(media.getUserMedia).toHaveBeenCalledExactlyOnceWith({
      audio: { deviceId: { exact: 'mic-usb' }, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: false,
    });
    const meter = await screen.findByRole('meter', { name: 'Microphone level' });
    // A 0.1 RMS tone is -20 dB: two thirds of the way up from the -60 dB floor.
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '67'));
    expect(await screen.findByRole('option', { name: 'Jabra Evolve2 65' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Stop test' }));
    expect(track.stop).toHaveBeenCalled();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(contexts[0]?.close).toHaveBeenCalled();
  });

  it('says how to allow a blocked microphone', async () => {
    const media = new FakeMediaDevices();
    media.getUserMedia.mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    installMediaDevices(media);
    await renderWithI18n(<AudioDeviceSettings />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Test microphone' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/The microphone is blocked\. In the desktop app, allow SDR Desk .* In a browser, click the permission icon/);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });

  it('says the page must be secure where there are no media devices', async () => {
    installMediaDevices(undefined);
    await renderWithI18n(<AudioDeviceSettings />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Test microphone' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('https:// or on localhost');
  });

  it('stops the test microphone when settings close', async () => {
    const media = new FakeMediaDevices();
    const track = fakeTrack();
    media.getUserMedia.mockResolvedValue(fakeStream(track));
    installMediaDevices(media);
    installAudioContext(0);
    const { unmount } = await renderWithI18n(<AudioDeviceSettings />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Test microphone' }));
    await screen.findByRole('meter');
    unmount();
    expect(track.stop).toHaveBeenCalled();
  });
});

describe('LevelMeter', () => {
  it('shows silence when there is no stream, without opening audio', () => {
    const contexts = installAudioContext(0.5);
    render(<LevelMeter stream={null} label="Your microphone" />);
    const meter = screen.getByRole('meter', { name: 'Your microphone' });
    expect(meter).toHaveAttribute('aria-valuenow', '0');
    expect(meter).toHaveAttribute('aria-valuemin', '0');
    expect(meter).toHaveAttribute('aria-valuemax', '100');
    expect(contexts).toHaveLength(0);
  });

  it('follows the stream’s loudness and closes its AudioContext when unmounted', async () => {
    const contexts = installAudioContext(1);
    const { unmount } = render(<LevelMeter stream={fakeStream()} label="Your microphone" />);
    await waitFor(() => expect(screen.getByRole('meter', { name: 'Your microphone' })).toHaveAttribute('aria-valuenow', '100'));
    expect(contexts).toHaveLength(1);
    unmount();
    expect(contexts[0]?.close).toHaveBeenCalledOnce();
  });
});

describe('MicProblemMessage', () => {
  it.each<[MicProblem, string]>([
    ['blocked', '麦克风已被禁止使用。桌面版：请在系统隐私设置中允许 SDR Desk 使用麦克风'],
    ['notFound', '未找到麦克风。请插入耳机或麦克风，或在设置中选择其他麦克风，然后重试。'],
    ['inUse', '麦克风正被其他应用（会议软件或其他软电话）占用。'],
    ['insecure', '只有安全页面才能使用麦克风：请通过 https:// 或 localhost 打开 SDR Desk。'],
    ['other', '无法启动麦克风。'],
  ])('explains %s in Chinese', async (problem, text) => {
    await renderWithI18n(<MicProblemMessage problem={problem} />, 'zh-CN');
    expect(screen.getByRole('alert')).toHaveTextContent(text);
  });

  it('tells a blocked browser user where the permission is', async () => {
    await renderWithI18n(<MicProblemMessage problem="blocked" />, 'zh-CN');
    expect(screen.getByRole('alert')).toHaveTextContent('浏览器：点击地址栏旁的权限图标，允许使用麦克风。');
  });
});
