import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../../shared/api/reports';
import type { Period } from '../../../../shared/rules/period';
import type { ServerTransport } from '../../../platform/server';
import type { ApiProblem } from '../../../platform/serverApi';
import type { TeamPlaybook } from '../../playbook/queries';
import { presetRange, type PeriodPreset } from '../periodPresets';
import { fetchTeamReport } from '../reportsApi';
import { CampaignCard } from './CampaignCard';
import { ChannelFunnelCard } from './ChannelFunnelCard';
import { DailyActivityCard } from './DailyActivityCard';
import { HeadlineTiles } from './HeadlineTiles';
import { PeriodPicker } from './PeriodPicker';
import { ReportProblem } from './ReportProblem';
import { ReturnReasonsCard } from './ReturnReasonsCard';
import { ScriptInsightCard } from './ScriptInsightCard';
import { SdrCard } from './SdrCard';
import '../reports.css';

export interface ReportsScreenProps {
  readonly server: ServerTransport;
  /** Resolves the script insight's question ids to the questions' words. */
  readonly playbook: TeamPlaybook;
  /** Today, for the period presets. */
  readonly now: number;
  /** Offered when the session ended (401) or the account is not a team lead (403). */
  readonly onSignIn?: () => void;
}

const DEFAULT_PRESET: PeriodPreset = 'last30';

type Load =
  | { readonly state: 'loading'; readonly previous: TeamReport | null }
  | { readonly state: 'ready'; readonly report: TeamReport }
  | { readonly state: 'problem'; readonly problem: ApiProblem };

const reportOf = (load: Load): TeamReport | null => (load.state === 'ready' ? load.report : load.state === 'loading' ? load.previous : null);

/** The browser's zone: a team lead in Berlin counts days from Berlin's midnight. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The team lead's reports, online only: the server computes them from everyone's synced work, so
 * nothing here reads or writes this device's database.
 */
export function ReportsScreen({ server, playbook, now, onSignIn }: ReportsScreenProps) {
  const { t, i18n } = useTranslation('reports');
  const [tz] = useState(browserTimeZone);
  const [initial] = useState(() => presetRange(DEFAULT_PRESET, now, tz));
  const [period, setPeriod] = useState<Period>(() => ({ ...initial, tz }));
  const [loads, setLoads] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading', previous: null });

  useEffect(() => {
    let current = true;
    void fetchTeamReport(server, period).then((result) => {
      if (!current) return;
      setLoad(result.ok ? { state: 'ready', report: result.value } : { state: 'problem', problem: result.problem });
    });
    return () => {
      current = false;
    };
  }, [server, period, loads]);

  const report = reportOf(load);
  // The numbers on screen stay, dimmed, until the new ones arrive: the header says which period they are for.
  const startLoading = () => setLoad((l) => ({ state: 'loading', previous: reportOf(l) }));
  const choosePeriod = (next: Period) => {
    startLoading();
    setPeriod(next);
  };
  const reload = () => {
    startLoading();
    setLoads((n) => n + 1);
  };
  const shown = report ? { from: report.period.from, to: report.period.to } : null;

  return (
    <div className="reports-screen" aria-busy={load.state === 'loading'}>
      <header className="reports-header">
        <div>
          <h1 className="panel-title">{t('title')}</h1>
          {report ? <p className="muted reports-showing">{t('showing', { range: formatRange(report.period.from, report.period.to, i18n.language), tz: report.period.tz })}</p> : null}
        </div>
        <button type="button" className="btn" onClick={reload} disabled={load.state === 'loading'}>
          {t('reload')}
        </button>
      </header>
      <PeriodPicker initial={initial} initialPreset={DEFAULT_PRESET} tz={tz} now={now} onPeriod={choosePeriod} />
      {load.state === 'problem' ? <ReportProblem problem={load.problem} onRetry={reload} onSignIn={onSignIn} /> : null}
      {load.state === 'loading' ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : null}
      {report && shown ? (
        <div className={load.state === 'loading' ? 'reports-grid is-stale' : 'reports-grid'}>
          <div className="report-span-12">
            <HeadlineTiles team={report.team} />
          </div>
          <SdrCard team={report.team} sdrs={report.sdrs} period={shown} />
          <DailyActivityCard daily={report.daily} period={shown} />
          <ReturnReasonsCard reasons={report.returnReasons} period={shown} />
          <ChannelFunnelCard channels={report.channels} period={shown} />
          <CampaignCard campaigns={report.campaigns} period={shown} />
          <ScriptInsightCard insight={report.scriptInsight} scripts={playbook.allScripts} period={shown} />
        </div>
      ) : null}
    </div>
  );
}

/** "Nov 1 – 30, 2026": the period the numbers on screen are for, which may lag the picker while loading. */
function formatRange(from: string, to: string, language: string): string {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(day(from), day(to));
}
