import { useNow } from '../../../app/hooks/useNow';
import { formatDuration } from '../../../ui/format';

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
