import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS } from '../../../../shared/model/lead';
import type { ReportFormat } from '../reportColumns';
import { durationParts, formatPercent, formatPoints, formatTalkTime } from '../reportFormat';

/** The reports' number, duration and date formats in the UI's language. */
export function useReportFormat(): ReportFormat {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language;
  return useMemo(() => {
    const counts = new Intl.NumberFormat(language);
    const days = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
    return {
      language,
      count: (n) => counts.format(n),
      rate: (rate) => formatPercent(rate, language),
      points: (difference) => formatPoints(difference, language),
      duration: (ms) => durationParts(ms).map((part) => t(`units.${part.unit}`, { value: part.value })).join(' '),
      talk: formatTalkTime,
      // A report day is a calendar date, not an instant: format it as that date in UTC.
      date: (date) => days.format(Date.parse(`${date}T00:00:00Z`)),
      missing: t('missing'),
    } satisfies ReportFormat;
  }, [language, t]);
}

/** A source channel in the UI's language; a channel this release does not know shows its id. */
export function useChannelLabel(): (channel: string | null) => string {
  const { t } = useTranslation('reports');
  const { t: tApp } = useTranslation();
  return useCallback(
    (channel: string | null) => {
      if (channel === null) return t('none');
      return (SOURCE_CHANNELS as readonly string[]).includes(channel) ? tApp(`source.${channel}`) : channel;
    },
    [t, tApp],
  );
}
