/**
 * The one wrapper every invoke handler goes through:
 * 1. the sender must be the app's own page (app://desk/), not a frame that navigated elsewhere;
 * 2. the payload must pass the channel's schema (the message names the offending field);
 * 3. whatever the implementation throws becomes an error envelope, never a rejected invoke.
 */
import type { IpcMain } from 'electron';
import type { z } from 'zod';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import { ipcFail, ipcOk, type IpcResult } from '../../../shared/ipc/result';
import { invokeContract, type InvokePayload, type InvokeResult } from '../../../shared/ipc/schemas';
import { isAppUrl } from '../security/appOrigin';
import { log } from '../log';
import { IpcFailure } from './ipcFailure';

/** The part of IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export type InvokeImpl<C extends InvokeChannel> = (
  payload: InvokePayload<C>,
) => InvokeResult<C> | Promise<InvokeResult<C>>;

export type InvokeListener<C extends InvokeChannel> = (
  event: InvokeEventLike,
  ...args: unknown[]
) => Promise<IpcResult<InvokeResult<C>>>;

const MAX_DESCRIBED_ISSUES = 5;

/** "labels.lead.new: Too small: …; url: Invalid input: …" — each issue prefixed by its field path. */
export function describeIssues(error: z.ZodError): string {
  const described = error.issues
    .slice(0, MAX_DESCRIBED_ISSUES)
    .map((issue) => `${issue.path.length === 0 ? 'payload' : issue.path.map(String).join('.')}: ${issue.message}`);
  const more = error.issues.length - described.length;
  return more > 0 ? `${described.join('; ')} (and ${more} more)` : described.join('; ');
}

export function createInvokeListener<C extends InvokeChannel>(channel: C, impl: InvokeImpl<C>): InvokeListener<C> {
  const contract = invokeContract[channel];
  return async (event, ...args) => {
    // senderFrame is null once the frame navigated away or was destroyed: refuse, do not guess.
    const senderUrl = event.senderFrame?.url;
    if (senderUrl === undefined || !isAppUrl(senderUrl)) {
      log.warn(`Refused ${channel} from ${senderUrl ?? 'a destroyed frame'}`);
      return ipcFail('FORBIDDEN_SENDER', `${channel} is only available to the app's own page`);
    }
    if (args.length > 1) return ipcFail('INVALID_ARGUMENT', `${channel} takes at most one argument`);
    const parsed = contract.payload.safeParse(args[0]);
    if (!parsed.success) return ipcFail('INVALID_ARGUMENT', describeIssues(parsed.error));
    try {
      const value = await impl(parsed.data as InvokePayload<C>);
      // A result that breaks its own contract is a bug in main; do not hand it to the renderer.
      const checked = contract.result.safeParse(value);
      if (!checked.success) {
        log.error(`${channel} produced an invalid result`, describeIssues(checked.error));
        return ipcFail('INTERNAL', `${channel} failed`);
      }
      return ipcOk(checked.data as InvokeResult<C>);
    } catch (error) {
      if (error instanceof IpcFailure) return ipcFail(error.code, error.message);
      log.error(`${channel} failed`, error);
      return ipcFail('INTERNAL', `${channel} failed`);
    }
  };
}

export function handle<C extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  impl: InvokeImpl<C>,
): void {
  ipcMain.handle(channel, createInvokeListener(channel, impl));
}
