import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { toLeadRow } from '../../../renderer/db';
import { FeedbackButton, FeedbackPanel } from '../../../renderer/features/review';
import { formatDateTime } from '../../../renderer/ui/format';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { callFixture, makeReview } from './reviewFixtures';

const SDR_ACCOUNT = { serverUrl: 'https://team.example.cn', user: { id: 'u-li', email: 'li@example.cn', name: '李雷', role: 'sdr' as const, teamId: 't1' }, signedInAt: 1 };

afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** This SDR's device: two reviews of their calls (the lead and call synced too), and one of a colleague's. */
async function seed() {
  await db.settings.put({ key: 'account', value: SDR_ACCOUNT });
  const acme = callFixture({ company: 'Acme Robotics' });
  const beta = callFixture({ company: 'Beta Foods' });
  const older = makeReview(acme, { comment: 'Solid opener.', scores: { 'discovery-depth': 3, 'next-step': 4 }, createdAt: 1_750_000_500_000 });
  const newer = makeReview(beta, { comment: 'Ask who signs off on the budget.', scores: { 'discovery-depth': 5 }, createdAt: 1_750_000_900_000 });
  const colleagues = makeReview(acme, { sdrId: 'u-han', sdrName: '韩梅梅', comment: 'For Han only.', createdAt: 1_750_000_950_000 });
  await db.leads.add(toLeadRow(acme.detail.lead));
  await db.calls.add(acme.detail.call);
  await db.reviews.bulkAdd([older, newer, colleagues]);
  return { acme, beta, older, newer };
}

describe('FeedbackButton', () => {
  it('counts the SDR’s unread reviews in its name, and only theirs', async () => {
    await seed();
    await renderWithI18n(<FeedbackButton onOpen={() => undefined} />);

    expect(await screen.findByRole('button', { name: 'Feedback, 2 unread' })).toHaveTextContent('2');
  });

  it('is plain "Feedback" with nothing unread, and says it in Chinese', async () => {
    const { older, newer } = await seed();
    await db.reviewReads.bulkAdd([older, newer].map((r) => ({ reviewId: r.id, readAt: 1 })));
    const view = await renderWithI18n(<FeedbackButton onOpen={() => undefined} />);
    expect(await screen.findByRole('button', { name: 'Feedback' })).toBeInTheDocument();
    view.unmount();

    await db.reviewReads.clear();
    await renderWithI18n(<FeedbackButton onOpen={() => undefined} />, 'zh-CN');
    expect(await screen.findByRole('button', { name: '教练反馈，2 条未读' })).toBeInTheDocument();
  });
});

describe('FeedbackPanel', () => {
  async function renderPanel(language: 'en' | 'zh-CN' = 'en') {
    const onClose = vi.fn();
    const onOpenLead = vi.fn();
    await renderWithI18n(
      <>
        <FeedbackButton onOpen={() => undefined} />
        <FeedbackPanel onClose={onClose} onOpenLead={onOpenLead} />
      </>,
      language,
    );
    const dialog = await screen.findByRole('dialog', { name: language === 'en' ? 'Feedback on your calls' : '通话反馈' });
    const list = await within(dialog).findByRole('list');
    return { dialog, list, onClose, onOpenLead, user: userEvent.setup() };
  }

  it('lists reviews of the SDR’s calls newest first, unread ones marked', async () => {
    const { acme } = await seed();
    const { list } = await renderPanel();

    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('New');
    // The lead and call of this review are not on the device.
    expect(items[0]).toHaveTextContent('Lead not on this device');
    expect(items[0]).toHaveTextContent('Average 5.0');
    expect(items[1]).toHaveTextContent('New');
    expect(items[1]).toHaveTextContent('Acme Robotics');
    expect(items[1]).toHaveTextContent(`call of ${formatDateTime(acme.detail.call.startedAt, 'en')}`);
    expect(items[1]).toHaveTextContent('王主管');
    expect(items[1]).toHaveTextContent('Average 3.5');
    expect(list).not.toHaveTextContent('For Han only.');
  });

  it('opening a review shows its scores and comment and marks it read', async () => {
    const { older } = await seed();
    const { list, user } = await renderPanel();
    const acme = within(list).getByRole('button', { name: /Acme Robotics/ });
    expect(acme).toHaveAttribute('aria-expanded', 'false');

    await user.click(acme);

    expect(acme).toHaveAttribute('aria-expanded', 'true');
    const item = acme.closest('li')!;
    expect(item).toHaveTextContent('Solid opener.');
    expect(item).toHaveTextContent('Discovery depth');
    expect(item).toHaveTextContent('3/5');
    expect(item).toHaveTextContent('Next step agreed');
    expect(item).toHaveTextContent('4/5');
    await waitFor(() => expect(item).not.toHaveTextContent('New'));
    expect(await db.reviewReads.get(older.id)).toBeDefined();
    // The button's count is its own live query: it may land a moment after the item's.
    expect(await screen.findByRole('button', { name: 'Feedback, 1 unread' })).toBeInTheDocument();
    // Read marks stay on this device: nothing to send.
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks all read at once', async () => {
    await seed();
    const { dialog, user } = await renderPanel();

    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Feedback' })).toBeInTheDocument());
    expect(within(dialog).queryByText('New')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('opens the lead of a review', async () => {
    const { acme } = await seed();
    const { list, user, onOpenLead, onClose } = await renderPanel();
    await user.click(within(list).getByRole('button', { name: /Acme Robotics/ }));

    await user.click(within(list).getByRole('button', { name: 'Open lead' }));

    expect(onOpenLead).toHaveBeenCalledWith(acme.row.leadId);
    expect(onClose).toHaveBeenCalled();
  });

  it('shows nothing to someone signed out, even with reviews on the device', async () => {
    await seed();
    await db.settings.put({ key: 'account', value: null });
    const onClose = vi.fn();
    await renderWithI18n(<FeedbackPanel onClose={onClose} onOpenLead={() => undefined} />);

    expect(await screen.findByText('No feedback yet. When your team lead reviews one of your calls, it appears here.')).toBeInTheDocument();
  });

  it('reads naturally in Chinese', async () => {
    await seed();
    const { list, dialog } = await renderPanel('zh-CN');

    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('新');
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('平均 3.5 分');
    expect(within(dialog).getByRole('button', { name: '全部标为已读' })).toBeInTheDocument();
  });
});
