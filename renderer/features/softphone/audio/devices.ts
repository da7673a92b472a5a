import { useCallback, useEffect, useState } from 'react';
import type { AudioDevices } from '../../../../shared/model/sip';

/** Why the microphone could not be opened, in terms of what the SDR can do about it. */
export type MicProblem = 'blocked' | 'notFound' | 'inUse' | 'insecure' | 'other';

// Undefined outside a secure context (http:// to another host), however the page got there.
const mediaDevices = (): MediaDevices | undefined => (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices);

function errorName(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('name' in error)) return null;
  return typeof error.name === 'string' ? error.name : null;
}

export function describeMediaError(error: unknown): MicProblem {
  // Browsers hide navigator.mediaDevices outside a secure context; whatever error the attempt
  // then threw, the only fix is https:// or localhost.
  if (mediaDevices() === undefined) return 'insecure';
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'blocked';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'notFound';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'inUse';
    default:
      return 'other';
  }
}

/**
 * `exact` so a chosen headset that is unplugged fails loudly (notFound) instead of the call
 * silently using the laptop's microphone. The processing is on because SDRs call from open offices.
 */
export function audioConstraints(devices: AudioDevices): MediaTrackConstraints {
  return {
    ...(devices.input === null ? {} : { deviceId: { exact: devices.input } }),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}

/** Firefox before 116 and Safari cannot route an element to a chosen output. */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * Plays `element` on the chosen speaker (null: the system default). Resolves false when that is
 * not possible: the browser cannot choose, or the device is gone, in which case the element is
 * put back on the default output so the call is still heard.
 */
export async function applySpeaker(element: HTMLMediaElement, deviceId: string | null): Promise<boolean> {
  if (!canChooseSpeaker()) return false;
  try {
    await element.setSinkId(deviceId ?? '');
    return true;
  } catch {
    if (deviceId !== null) await element.setSinkId('').catch(() => undefined);
    return false;
  }
}

// Chrome lists the system default again as 'default'; the settings offer it once, as null.
const isChoosable = (d: MediaDeviceInfo) => d.deviceId !== '' && d.deviceId !== 'default';

interface DeviceLists {
  readonly inputs: MediaDeviceInfo[];
  readonly outputs: MediaDeviceInfo[];
}

async function listDevices(media: MediaDevices): Promise<DeviceLists> {
  const all = await media.enumerateDevices();
  return {
    inputs: all.filter((d) => d.kind === 'audioinput' && isChoosable(d)),
    outputs: all.filter((d) => d.kind === 'audiooutput' && isChoosable(d)),
  };
}

/** The microphones and speakers on this computer, kept current as headsets come and go. */
export function useAudioDevices(): { inputs: MediaDeviceInfo[]; outputs: MediaDeviceInfo[]; refresh(): Promise<void> } {
  const [devices, setDevices] = useState<DeviceLists>({ inputs: [], outputs: [] });

  const refresh = useCallback(async () => {
    const media = mediaDevices();
    if (media === undefined) return;
    // Listing can fail while the page is hidden or being torn down; the lists just stay as they were.
    await listDevices(media).then(setDevices, () => undefined);
  }, []);

  useEffect(() => {
    const media = mediaDevices();
    if (media === undefined) return;
    let live = true;
    const load = () => {
      listDevices(media).then(
        (lists) => live && setDevices(lists),
        () => undefined,
      );
    };
    load();
    media.addEventListener('devicechange', load);
    return () => {
      live = false;
      media.removeEventListener('devicechange', load);
    };
  }, []);

  return { inputs: devices.inputs, outputs: devices.outputs, refresh };
}
