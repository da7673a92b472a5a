import type { WebContents } from 'electron';
import type { EventChannel, EventPayloads } from '../../../shared/ipc/channels';

/** The only way main emits an event to the page, so channel and payload always agree. */
export function sendToRenderer<C extends EventChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: C,
  payload: EventPayloads[C],
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
