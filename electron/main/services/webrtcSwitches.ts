/**
 * Chromium command-line switches for the softphone. Chromium reads them at startup, so they are
 * appended before 'ready'.
 *
 * autoplay-policy: the caller's audio element must start playing when an inbound call is answered
 * from a menu accelerator or a notification, where the page has seen no click. Electron builds
 * each window's policy from webPreferences.autoplayPolicy and writes it over the one this switch
 * gives (shell/browser/web_contents_preferences.cc), so mainWindow.ts pins the same policy there;
 * the switch keeps Chromium's process-wide default in agreement with it.
 *
 * Deliberately absent: disabling WebRtcHideLocalIpsWithMdns. Chromium hides LAN addresses behind
 * mDNS names only in pages without getUserMedia permission; the softphone takes the microphone
 * before every offer or answer (and permissions.ts grants the app's page its checks), so a PBX on
 * the LAN already gets real host candidates. Turning mDNS off would change nothing for calls and
 * would expose LAN addresses to any page that has no microphone.
 */
import type { CommandLine } from 'electron';

export const WEBRTC_SWITCHES: ReadonlyArray<readonly [name: string, value: string]> = [
  ['autoplay-policy', 'no-user-gesture-required'],
];

export function applyWebRtcSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const [name, value] of WEBRTC_SWITCHES) commandLine.appendSwitch(name, value);
}
