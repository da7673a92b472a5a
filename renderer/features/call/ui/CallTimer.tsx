import { useNow } from '../../../app/hooks/useNow';

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const h = Math.floor(m / 60);
  const mm = String(m % 60).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Running time since `since`; its own component so the tick re-renders only the digits. */
export function CallTimer({ since, until, label }: { readonly since: number; readonly until: number | null; readonly label: string }) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.floor(((until ?? now) - since) / 1000));
  return (
    <time className="call-timer" aria-label={label} dateTime={`PT${seconds}S`}>
      {formatDuration(seconds)}
    </time>
  );
}
