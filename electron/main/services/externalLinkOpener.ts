import type { Shell } from 'electron';
import { validateExternalLink } from '../../../shared/ipc/externalLinks';
import { IpcFailure } from '../ipc/ipcFailure';

/** Hands a link to the OS only after the validator rebuilt it; the rebuilt URL is what is opened. */
export async function openExternalLink(shell: Pick<Shell, 'openExternal'>, url: string): Promise<void> {
  const checked = validateExternalLink(url);
  if (!checked.ok) throw new IpcFailure('LINK_REFUSED', checked.reason);
  await shell.openExternal(checked.url);
}
