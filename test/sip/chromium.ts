import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium flags for calls between pages on this machine. On top of the usual "no Google services"
 * set: loopback ICE candidates (the only ones inside test/sip/in-netns.sh), fake microphone and no
 * permission prompt, and remote audio that plays without a click.
 */
export const SIP_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export const SIP_CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchSipChromium(): Promise<Browser> {
  if (!existsSync(SIP_CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${SIP_CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: SIP_CHROMIUM_PATH, args: [...SIP_CHROMIUM_ARGS] });
}
