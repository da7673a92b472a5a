import { useEffect, useState } from 'react';
import type { ReviewCallDetail, ReviewCallRow } from '../../../../shared/api/review';
import type { ServerTransport } from '../../../platform/server';
import { rememberOpenedCall } from '../mutations';
import { readCachedCall } from '../queries';
import { getReviewCall, type ApiProblem } from '../reviewApi';

export type CallDetailState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly detail: ReviewCallDetail; readonly savedAt: number | null }
  /** Offline, and this call was never opened on this device. */
  | { readonly state: 'notCached' }
  | { readonly state: 'problem'; readonly problem: ApiProblem };

type Answer = Exclude<CallDetailState, { state: 'loading' }> & { readonly key: string };

/**
 * One call as the server has it, kept on this device for offline reviewing; when the server cannot
 * be reached, the copy kept the last time it was opened here (savedAt says when).
 */
export function useCallDetail(server: ServerTransport, row: ReviewCallRow, online: boolean, attempt: number): CallDetailState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${row.id}:${online}:${attempt}`;

  useEffect(() => {
    let current = true;
    const fromCache = async () => {
      const cached = await readCachedCall(row.id);
      if (!current) return;
      setAnswer(cached ? { key, state: 'ready', detail: cached.detail, savedAt: cached.openedAt } : { key, state: 'notCached' });
    };
    if (!online) {
      void fromCache();
    } else {
      void getReviewCall(server, row.id).then((result) => {
        if (!current) return;
        if (result.ok) {
          setAnswer({ key, state: 'ready', detail: result.value, savedAt: null });
          // A failure to keep the copy costs only offline access to this call: say so in the console.
          rememberOpenedCall(row, result.value, Date.now()).catch((error: unknown) => console.error('review: could not keep the call for offline use', error));
        } else if (result.problem.kind === 'unreachable') {
          void fromCache();
        } else {
          setAnswer({ key, state: 'problem', problem: result.problem });
        }
      });
    }
    return () => {
      current = false;
    };
  }, [server, row, online, key]);

  return answer !== null && answer.key === key ? answer : { state: 'loading' };
}
