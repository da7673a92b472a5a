import { analyzeCsv, validateCsv } from '../features/import/csvTasks';
import type { ImportWorkerRequest, ImportWorkerResponse } from './importWorkerProtocol';

/**
 * Decodes, parses and validates a CSV off the UI thread: 50,000 rows through libphonenumber and
 * zod take seconds, which would freeze the window. Writing to IndexedDB stays in the window (see
 * runImport.ts), so this worker never opens the database.
 */

// The renderer is type-checked against the DOM lib, not WebWorker; this is the part of the
// worker global scope used here.
interface WorkerScope {
  postMessage(message: ImportWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportWorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

// addEventListener rather than onmessage: papaparse assigns onmessage in workers it thinks it
// created itself (blob: URLs), and must not be able to take our messages.
scope.addEventListener('message', ({ data: request }) => {
  try {
    if (request.type === 'analyze') {
      scope.postMessage({ type: 'analyzed', result: analyzeCsv(request.bytes) });
    } else {
      const result = validateCsv(request.bytes, request.mapping, request.ctx, (done, total) =>
        scope.postMessage({ type: 'progress', done, total }),
      );
      scope.postMessage({ type: 'validated', result });
    }
  } catch (error) {
    // Reported to the window, which shows it as a failed import; a worker cannot show anything.
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
