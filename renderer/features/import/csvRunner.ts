import type { ImportWorkerRequest, ImportWorkerResponse } from '../../workers/importWorkerProtocol';
import { analyzeCsv, validateCsv } from './csvTasks';
import type { AnalyzeResult, ColumnMapping, ValidateResult, ValidationContext } from './types';

/** Runs the CSV steps of csvTasks.ts somewhere: in a Web Worker in the app, in-thread in jsdom. */
export interface CsvRunner {
  analyze(bytes: Uint8Array, signal?: AbortSignal): Promise<AnalyzeResult>;
  validate(
    bytes: Uint8Array,
    mapping: ColumnMapping,
    ctx: ValidationContext,
    onProgress: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ValidateResult>;
}

/** For tests and for environments without Worker; blocks the thread while it runs. */
export const inThreadCsvRunner: CsvRunner = {
  analyze: async (bytes, signal) => {
    signal?.throwIfAborted();
    return analyzeCsv(bytes);
  },
  validate: async (bytes, mapping, ctx, onProgress, signal) => {
    signal?.throwIfAborted();
    return validateCsv(bytes, mapping, ctx, (done, total) => {
      signal?.throwIfAborted();
      onProgress(done, total);
    });
  },
};

/** One short-lived worker per request: cancelling is terminating it, and no state leaks between files. */
export const workerCsvRunner: CsvRunner = {
  analyze: (bytes, signal) =>
    inWorker({ type: 'analyze', bytes }, signal, (response) => (response.type === 'analyzed' ? response.result : undefined)),
  validate: (bytes, mapping, ctx, onProgress, signal) =>
    inWorker({ type: 'validate', bytes, mapping, ctx }, signal, (response) => {
      if (response.type === 'progress') onProgress(response.done, response.total);
      return response.type === 'validated' ? response.result : undefined;
    }),
};

export function defaultCsvRunner(): CsvRunner {
  return typeof Worker === 'undefined' ? inThreadCsvRunner : workerCsvRunner;
}

function inWorker<T>(
  request: ImportWorkerRequest,
  signal: AbortSignal | undefined,
  handle: (response: ImportWorkerResponse) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // Vite bundles the worker from this exact expression; the CSP allows worker-src 'self'.
    const worker = new Worker(new URL('../../workers/importWorker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
      const response = event.data;
      if (response.type === 'error') {
        finish();
        reject(new Error(response.message));
        return;
      }
      const result = handle(response);
      if (result !== undefined) {
        finish();
        resolve(result);
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(event.message || 'The import worker failed to start'));
    });
    // The bytes are copied, not transferred: the window keeps them for the second step.
    worker.postMessage(request);
  });
}
