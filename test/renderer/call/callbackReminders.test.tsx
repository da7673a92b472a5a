import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, toLeadRow } from '../../../renderer/db';
import { useCallbackReminders } from '../../../renderer/features/call';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

function Reminders({ notify }: { readonly notify: (title: string, body: string) => Promise<void> }) {
  useCallbackReminders(notify);
  return null;
}

const MINUTE = 60_000;

describe('call-back reminders', () => {
  it('announces each due call-back once, not future ones, not closed leads, and not again after a restart', async () => {
    const now = Date.now();
    const due = makeLead({ company: '深圳华章教育', contactName: '马洋', status: 'working', firstContactedAt: now - 60 * MINUTE, nextCallbackAt: now - 2 * MINUTE });
    const later = makeLead({ company: 'Later Ltd', status: 'working', firstContactedAt: now - 60 * MINUTE, nextCallbackAt: now + 60 * MINUTE });
    const handedOff = makeLead({ company: 'MQL Inc', status: 'mql', firstContactedAt: now - 60 * MINUTE, nextCallbackAt: now - 2 * MINUTE });
    await db.leads.bulkAdd([due, later, handedOff].map(toLeadRow));

    const notify = vi.fn(async () => undefined);
    const first = await renderWithI18n(<Reminders notify={notify} />);
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify).toHaveBeenCalledWith('Call-back due', expect.stringContaining('深圳华章教育'));
    first.unmount();

    // The app starts again: what was announced stays announced.
    const again = vi.fn(async () => undefined);
    await renderWithI18n(<Reminders notify={again} />);
    await waitFor(async () => expect(await db.settings.get('callbacksNotifiedUntil')).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(again).not.toHaveBeenCalled();
  });
});
