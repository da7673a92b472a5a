import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { readSetting, writeSetting } from '../settings';
import { callbacksDueBetween } from './queries';

const CHECK_EVERY_MS = 30_000;
/** After a long time away, only call-backs missed in the last day are announced, not a flood. */
const LOOKBACK_MS = 24 * 3_600_000;

/**
 * Announces each call-back once, when it falls due: a desktop notification in Electron, the
 * browser's own in browser mode. What was announced is remembered per device, so a restart does
 * not repeat it.
 */
export function useCallbackReminders(notify: (title: string, body: string) => Promise<void>): void {
  const { t } = useTranslation();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const now = Date.now();
      const since = Math.max((await readSetting('callbacksNotifiedUntil')) ?? 0, now - LOOKBACK_MS);
      const due = await callbacksDueBetween(since, now);
      if (stopped) return;
      await writeSetting('callbacksNotifiedUntil', now);
      for (const lead of due) {
        notify(t('callback.dueTitle'), t('callback.dueBody', { company: lead.company, contact: lead.contactName })).catch((err: unknown) => console.error('notify', err));
      }
    };
    const run = () => void check().catch((err: unknown) => console.error('call-back reminders', err));
    run();
    const timer = setInterval(run, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [notify, t]);
}
