import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { Dialog } from '../../ui/Dialog';
import type { Lead } from '../../../shared/model/lead';
import { checkMapping } from './columnMapping';
import { describeFileProblem, describeIssue, describeMappingProblem } from './describeIssue';
import { downloadText } from './downloadText';
import { FileStep } from './FileStep';
import { PreviewStep } from './PreviewStep';
import { buildReportCsv } from './reportCsv';
import { ReportStep } from './ReportStep';
import { RunningStep } from './RunningStep';
import { useImportFlow } from './useImportFlow';
import './import.css';

export interface ImportDialogProps {
  onClose(): void;
  /** Owner of imported leads whose row names none. */
  ownerName: string;
  defaultPhoneRegion: string;
  defaultKind: Lead['kind'];
}

/** Import leads from a CSV: choose a file → check the column mapping → import → report. */
export function ImportDialog({ onClose, ownerName, defaultPhoneRegion, defaultKind }: ImportDialogProps) {
  const { t, i18n } = useTranslation('import');
  const flow = useImportFlow({ db, ownerName, defaultPhoneRegion, defaultKind });
  const { step } = flow;
  const problemsId = useId();
  const body = useRef<HTMLDivElement>(null);
  const formatNumber = useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language);
    return (n: number) => format.format(n);
  }, [i18n.language]);

  // Each step's main control takes focus, so keyboard and screen-reader users follow the flow
  // instead of being left on a button that has just disappeared.
  useEffect(() => {
    body.current?.closest('[role="dialog"]')?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [step.name]);

  const mappingProblems = step.name === 'preview' ? checkMapping(step.mapping, step.analysis.headers).map((p) => describeMappingProblem(p, t)) : [];
  const reportLines = step.name === 'finished' && step.result.state === 'done' ? step.result.issues.map((issue) => describeIssue(issue, t)) : [];

  let content: ReactNode = null;
  let footer: ReactNode = null;
  switch (step.name) {
    case 'choose':
    case 'reading': {
      const problem = step.name === 'choose' && step.problem
        ? step.problem.code === 'readFailed'
          ? t('problem.readFailed', { message: step.problem.message })
          : describeFileProblem(step.problem, t, formatNumber)
        : null;
      content = <FileStep onFile={(file) => void flow.chooseFile(file)} problem={problem} readingName={step.name === 'reading' ? step.fileName : null} />;
      break;
    }
    case 'preview':
      content = (
        <PreviewStep
          preview={step}
          problems={mappingProblems}
          problemsId={problemsId}
          formatNumber={formatNumber}
          onTarget={flow.setColumnTarget}
          onKind={(kind) => flow.updatePreview({ kind })}
          onDuplicates={(duplicates) => flow.updatePreview({ duplicates })}
        />
      );
      footer = (
        <>
          <button type="button" className="btn" onClick={flow.reset}>
            {t('preview.back')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-autofocus
            disabled={mappingProblems.length > 0}
            aria-describedby={mappingProblems.length > 0 ? problemsId : undefined}
            onClick={() => void flow.start(step)}
          >
            {t('preview.import', { count: step.analysis.rowCount, n: formatNumber(step.analysis.rowCount) })}
          </button>
        </>
      );
      break;
    case 'running':
      content = <RunningStep progress={step.progress} cancelling={step.cancelling} formatNumber={formatNumber} />;
      footer = (
        <button type="button" className="btn btn-danger" data-autofocus disabled={step.cancelling} onClick={flow.cancel}>
          {t('running.cancel')}
        </button>
      );
      break;
    case 'finished': {
      const { result } = step;
      content = result.state === 'refused' || result.state === 'unmapped'
        ? <p role="alert">{result.state === 'refused' ? describeFileProblem(result.problem, t, formatNumber) : result.problems.map((p) => describeMappingProblem(p, t)).join(' ')}</p>
        : <ReportStep result={result} lines={reportLines} formatNumber={formatNumber} />;
      const download = () =>
        downloadText(
          buildReportCsv(reportLines, { row: t('report.row'), field: t('report.field'), value: t('report.value'), reason: t('report.reason') }),
          `${t('report.fileName')}-${step.fileName.replace(/\.[^.]+$/, '')}.csv`,
          'text/csv;charset=utf-8',
        );
      footer = (
        <>
          {reportLines.length > 0 ? (
            <button type="button" className="btn" onClick={download}>
              {t('report.download')}
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            {t('report.done')}
          </button>
        </>
      );
      break;
    }
  }

  return (
    <Dialog title={t('title')} closeLabel={t('close')} onClose={onClose} footer={footer} wide>
      <div ref={body}>{content}</div>
    </Dialog>
  );
}
