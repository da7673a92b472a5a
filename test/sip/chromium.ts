import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';

/**
 * Chromium flags for calls between pages on this machine. On top of the usual "no Google services"
 * set: loopback ICE candidates (the only ones inside test/sip/in-netns.sh), fake microphone and no
 * permission prompt, and remote audio that plays without a click.
 */
export const SIP_CHROMIUM_ARGS: readonly string[] = [
  ...CHROMIUM_ARGS,
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export async function launchSipChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...SIP_CHROMIUM_ARGS] });
}
