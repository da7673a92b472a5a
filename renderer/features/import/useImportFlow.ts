import { useCallback, useEffect, useRef, useState } from 'react';
import type { SdrDeskDb } from '../../db';
import type { Lead } from '../../../shared/model/lead';
import { defaultCsvRunner } from './csvRunner';
import { MAX_FILE_BYTES } from './csvTable';
import { runImport, type ImportResult } from './runImport';
import type { ColumnMapping, ColumnTarget, CsvAnalysis, DuplicateMode, FileProblem, ImportProgress } from './types';

export interface PreviewState {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly analysis: CsvAnalysis;
  readonly mapping: ColumnMapping;
  readonly duplicates: DuplicateMode;
  readonly kind: Lead['kind'];
}

export type ImportStep =
  | { readonly name: 'choose'; readonly problem: FileProblem | { readonly code: 'readFailed'; readonly message: string } | null }
  | { readonly name: 'reading'; readonly fileName: string }
  | ({ readonly name: 'preview' } & PreviewState)
  | { readonly name: 'running'; readonly progress: ImportProgress | null; readonly cancelling: boolean }
  | { readonly name: 'finished'; readonly fileName: string; readonly result: ImportResult };

export interface ImportFlowConfig {
  readonly db: SdrDeskDb;
  readonly ownerName: string;
  readonly defaultPhoneRegion: string;
  readonly defaultKind: Lead['kind'];
}

/** The import dialog's steps: choose → preview → running → finished, and what moves between them. */
export function useImportFlow({ db, ownerName, defaultPhoneRegion, defaultKind }: ImportFlowConfig) {
  const [step, setStep] = useState<ImportStep>({ name: 'choose', problem: null });
  const running = useRef<AbortController | null>(null);

  // Closing the dialog mid-import cancels it; the transaction then rolls back.
  useEffect(() => () => running.current?.abort(), []);

  const chooseFile = useCallback(async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setStep({ name: 'choose', problem: { code: 'tooLarge', maxMb: MAX_FILE_BYTES / 1024 / 1024 } });
      return;
    }
    setStep({ name: 'reading', fileName: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const analyzed = await defaultCsvRunner().analyze(bytes);
      if (!analyzed.ok) {
        setStep({ name: 'choose', problem: analyzed.problem });
        return;
      }
      const { analysis } = analyzed;
      setStep({ name: 'preview', fileName: file.name, bytes, analysis, mapping: analysis.guessedMapping, duplicates: 'skip', kind: defaultKind });
    } catch (error) {
      setStep({ name: 'choose', problem: { code: 'readFailed', message: error instanceof Error ? error.message : String(error) } });
    }
  }, [defaultKind]);

  const updatePreview = useCallback((change: Partial<Pick<PreviewState, 'duplicates' | 'kind'>>) => {
    setStep((s) => (s.name === 'preview' ? { ...s, ...change } : s));
  }, []);

  const setColumnTarget = useCallback((index: number, target: ColumnTarget) => {
    setStep((s) => (s.name === 'preview' ? { ...s, mapping: s.mapping.map((t, i) => (i === index ? target : t)) } : s));
  }, []);

  const start = useCallback(async (preview: PreviewState) => {
    const controller = new AbortController();
    running.current = controller;
    setStep({ name: 'running', progress: null, cancelling: false });
    const options = {
      fileName: preview.fileName,
      mapping: preview.mapping,
      duplicates: preview.duplicates,
      defaultKind: preview.kind,
      defaultPhoneRegion,
      ownerName,
    };
    const onProgress = (progress: ImportProgress) => setStep((s) => (s.name === 'running' ? { ...s, progress } : s));
    try {
      const result = await runImport(db, preview.bytes, preview.analysis.headers, options, onProgress, controller.signal);
      setStep({ name: 'finished', fileName: preview.fileName, result });
    } catch (error) {
      // runImport reports cancel and failure as results; this is the history write itself failing.
      setStep({ name: 'finished', fileName: preview.fileName, result: { state: 'failed', batchId: '', message: error instanceof Error ? error.message : String(error) } });
    } finally {
      running.current = null;
    }
  }, [db, defaultPhoneRegion, ownerName]);

  const cancel = useCallback(() => {
    running.current?.abort();
    setStep((s) => (s.name === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  const reset = useCallback(() => setStep({ name: 'choose', problem: null }), []);

  return { step, chooseFile, updatePreview, setColumnTarget, start, cancel, reset };
}
