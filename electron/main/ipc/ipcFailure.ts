import type { IpcErrorCode } from '../../../shared/ipc/result';

/** Thrown by a handler's implementation to answer with a specific code instead of INTERNAL. */
export class IpcFailure extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcFailure';
    this.code = code;
  }
}
