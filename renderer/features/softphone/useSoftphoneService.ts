import { useEffect, useRef } from 'react';
import { normalizePhone, type PhoneRegion } from '../../../shared/model/phone';
import type { AudioDevices } from '../../../shared/model/sip';
import type { SipSecretStore } from '../../platform/platform';
import { useUiStore } from '../../state/uiStore';
import { useSetting } from '../settings';
import { applySpeaker, audioConstraints } from './audio/devices';
import { SipPhone } from './engine/sipPhone';
import { leadForNumber } from './queries';
import { IDLE_SNAPSHOT, useSoftphoneStore } from './state';

interface SoftphoneService {
  readonly sipSecret: SipSecretStore;
  readonly region: PhoneRegion;
  /** Bumped when the account or its password was saved: the phone starts over with them. */
  readonly reloadKey: number;
  /** A system notification for a call ringing while the window is in the background. */
  readonly notify: (caller: string) => void;
  /** A call that rang and stopped before the SDR answered or declined it. */
  readonly onMissed: (caller: string) => void;
}

/** The caller's SIP user part as E.164, when it is a phone number ("+86138…", "86138…", "138…"). */
export function callerNumber(user: string, region: PhoneRegion): string | null {
  const digits = user.replace(/[\s()-]/g, '');
  if (!/^\+?\d{5,16}$/.test(digits)) return null;
  const local = normalizePhone(digits, region);
  if (local.ok) return local.e164;
  const international = normalizePhone(`+${digits.replace(/^\+/, '').replace(/^00/, '')}`, region);
  return international.ok ? international.e164 : null;
}

/**
 * Runs the softphone while the dialer setting is 'sip': registers with the account and its
 * password, follows the browser's online state, keeps the chosen speaker, and pops the caller's
 * lead when a call comes in. Everything it learns goes into useSoftphoneStore.
 */
export function useSoftphoneService({ sipSecret, region, reloadKey, notify, onMissed }: SoftphoneService): void {
  const dialer = useSetting('dialer');
  const account = useSetting('sipAccount');
  const devices = useSetting('audioDevices');
  const isSip = dialer.kind === 'sip';
  const accountKey = isSip && account ? JSON.stringify(account) : null;
  // Read when a call rings, not effect dependencies: switching the UI language or the phone region
  // must not restart the phone (and hang up the call on it).
  const latest = useRef({ region, notify, onMissed });
  useEffect(() => {
    latest.current = { region, notify, onMissed };
  }, [region, notify, onMissed]);

  useEffect(() => {
    const store = useSoftphoneStore;
    if (!isSip) {
      store.setState({ setup: 'notSip', account: null, phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
      return;
    }
    if (!account || accountKey === null) {
      store.setState({ setup: 'noAccount', account: null, phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
      return;
    }
    let phone: SipPhone | null = null;
    // Set on cleanup: a phone being stopped still reports (unregistered, off) and must not
    // overwrite what the phone that replaced it says.
    let cancelled = false;
    const audio = document.createElement('audio');
    document.body.append(audio);
    media.audio = audio;
    void applySpeaker(audio, media.devices.output);
    const onOnline = () => phone?.setOnline(true);
    const onOffline = () => phone?.setOnline(false);

    void (async () => {
      const password = await sipSecret.get().catch(() => null);
      if (cancelled) return;
      if (!password) {
        store.setState({ setup: 'noPassword', account, phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
        return;
      }
      phone = new SipPhone({
        account,
        password,
        audioConstraints: () => audioConstraints(media.devices),
        remoteAudio: audio,
        onChange: (snapshot) => {
          if (cancelled) return;
          const { incoming } = store.getState();
          const ringing = snapshot.call?.phase === 'incoming' ? snapshot.call : null;
          const still = incoming && ringing && incoming.key === ringing.key ? incoming : null;
          // Answering and declining clear the pop-up first; a call that just stops ringing was missed.
          if (incoming && !still && snapshot.call === null) latest.current.onMissed(incoming.company ?? (incoming.name || incoming.e164 || incoming.user));
          store.setState({ snapshot, incoming: still });
        },
        onIncoming: ({ user, name }) => {
          if (cancelled) return;
          const key = phone?.snapshot().call?.key ?? '';
          const e164 = callerNumber(user, latest.current.region);
          store.setState({ incoming: { key, e164, user, name, leadId: null, company: null } });
          if (document.hidden) latest.current.notify(name || user);
          if (e164 === null) return;
          void leadForNumber(e164).then((lead) => {
            const current = store.getState().incoming;
            if (!lead || current?.key !== key) return;
            store.setState({ incoming: { ...current, leadId: lead.id, company: lead.company } });
            // The screen pop: the caller's lead is open before the SDR says hello.
            useUiStore.getState().setScreen('desk');
            useUiStore.getState().select(lead.id);
          });
        },
      });
      store.setState({ setup: 'ready', account, phone, snapshot: phone.snapshot(), incoming: null });
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      phone.start();
    })();

    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      const stopping = phone;
      phone = null;
      if (media.audio === audio) media.audio = null;
      void (stopping ? stopping.stop() : Promise.resolve()).finally(() => audio.remove());
      store.setState({ phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
    };
    // accountKey stands for the account's content; the object itself changes on every read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isSip, accountKey, reloadKey, sipSecret]);

  useEffect(() => {
    media.devices = devices;
    if (media.audio) void applySpeaker(media.audio, devices.output);
  }, [devices]);
}

/** The devices as last read (the phone asks for the microphone as each call starts) and where the caller is heard. */
const media: { devices: AudioDevices; audio: HTMLAudioElement | null } = { devices: { input: null, output: null }, audio: null };
