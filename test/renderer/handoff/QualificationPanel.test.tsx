import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QualificationPanel } from '../../../renderer/features/handoff';
import type { Facts } from '../../../shared/model/facts';
import type { Handoff } from '../../../shared/model/handoff';
import type { Lead } from '../../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import type { RouteResult } from '../../../shared/rules/handoffRouting';
import { qualifyLead } from '../../../shared/rules/qualification';
import { makeHandoff } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const ALL_MET: Facts = { need: 'confirmed', decisionMaker: 'CMO Zhang', timelineMonths: 3, dealSize: 120_000, productLine: 'automation' };
const route: RouteResult = { ruleId: 'automation', owner: { id: 'wang-fang', name: 'Wang Fang' } };
const DRAFT = 'Need: working on it now\nDecision maker: CMO Zhang\nTimeline: in 1–3 months';

async function renderPanel({ facts = ALL_MET, lead = makeLead({ status: 'working' }), handoff = null, returned = null }: { facts?: Facts; lead?: Lead; handoff?: Handoff | null; returned?: Handoff | null } = {}) {
  const qualification = qualifyLead(DEFAULT_PLAYBOOK.criteria, { facts, tags: [], lead, requiredMissing: [] });
  const props = {
    onApplyTemperature: vi.fn(),
    onHandOff: vi.fn<(summary: string, overrideReason: string) => void>(),
    onRecall: vi.fn<(handoff: Handoff) => void>(),
    onNurture: vi.fn(),
    onDisqualify: vi.fn(),
  };
  await renderWithI18n(<QualificationPanel lead={lead} qualification={qualification} route={route} draftSummary={DRAFT} handoff={handoff} returned={returned} busy={false} {...props} />);
  return { ...props, user: userEvent.setup() };
}

describe('QualificationPanel', () => {
  it('hands a qualified lead to the routed owner in one click', async () => {
    const { onHandOff, user } = await renderPanel();

    expect(screen.getByText('6/6 met')).toBeInTheDocument();
    expect(screen.getByText('Goes to', { exact: false })).toHaveTextContent('Wang Fang');
    expect(screen.queryByRole('textbox', { name: 'Why hand off with criteria missing?' })).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Hand off to Wang Fang' });
    expect(button).toBeEnabled();

    await user.click(button);
    expect(onHandOff).toHaveBeenCalledExactlyOnceWith(DRAFT, '');
  });

  it('asks for a reason before handing off with criteria missing', async () => {
    const { onHandOff, user } = await renderPanel({ facts: { need: 'confirmed', productLine: 'automation' } });

    const criteria = screen.getByRole('list', { name: 'Criteria' });
    expect(within(criteria).getByText('Decision maker known', { exact: false })).toHaveTextContent('missing');
    expect(within(criteria).getByText('Need confirmed', { exact: false })).toHaveTextContent('met');
    expect(screen.queryByRole('button', { name: 'Hand off to Wang Fang' })).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Hand off anyway' });
    expect(button).toBeDisabled();

    const reason = screen.getByRole('textbox', { name: 'Why hand off with criteria missing?' });
    await user.type(reason, '   ');
    expect(button).toBeDisabled();
    await user.type(reason, 'Prospect asked for pricing today');
    expect(button).toBeEnabled();

    await user.click(button);
    expect(onHandOff).toHaveBeenCalledExactlyOnceWith(DRAFT, expect.stringContaining('Prospect asked for pricing today'));
  });

  it('pre-fills the summary from the call and lets the SDR rewrite or redraft it', async () => {
    const { onHandOff, user } = await renderPanel();
    const summary = screen.getByRole('textbox', { name: 'Summary for sales' });
    expect(summary).toHaveValue(DRAFT);

    await user.clear(summary);
    expect(screen.getByRole('button', { name: 'Hand off to Wang Fang' })).toBeDisabled();
    await user.type(summary, 'Hot lead: demo booked for Tuesday');
    await user.click(screen.getByRole('button', { name: 'Hand off to Wang Fang' }));
    expect(onHandOff).toHaveBeenLastCalledWith('Hot lead: demo booked for Tuesday', '');

    await user.click(screen.getByRole('button', { name: 'Redraft from answers and notes' }));
    expect(summary).toHaveValue(DRAFT);
  });

  it('shows a queued hand-off as waiting to sync, with a way to recall it', async () => {
    const lead = makeLead({ status: 'mql' });
    const handoff = makeHandoff(lead, { status: 'queued', owner: route.owner });
    const { onRecall, user } = await renderPanel({ lead, handoff });

    const status = screen.getByRole('status', { name: 'Hand-off status' });
    expect(status).toHaveTextContent('Waiting to sync');
    expect(status).toHaveTextContent('to Wang Fang');
    expect(screen.queryByRole('form', { name: 'Hand off to sales' })).not.toBeInTheDocument();

    await user.click(within(status).getByRole('button', { name: 'Recall hand-off…' }));
    expect(onRecall).toHaveBeenCalledExactlyOnceWith(handoff);
  });

  it('offers no recall once sales accepted the hand-off', async () => {
    const lead = makeLead({ status: 'mql' });
    await renderPanel({ lead, handoff: makeHandoff(lead, { status: 'accepted' }) });

    expect(screen.getByRole('status', { name: 'Hand-off status' })).toHaveTextContent('Accepted by sales');
    expect(screen.queryByRole('button', { name: 'Recall hand-off…' })).not.toBeInTheDocument();
  });

  it('offers a new hand-off after the last one was recalled', async () => {
    const lead = makeLead({ status: 'working' });
    await renderPanel({ lead, handoff: makeHandoff(lead, { status: 'recalled' }) });

    expect(screen.queryByRole('status', { name: 'Hand-off status' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hand off to Wang Fang' })).toBeEnabled();
  });

  it('shows who returned the lead and why, and offers to hand it off again', async () => {
    const lead = makeLead({ status: 'returned' });
    await renderPanel({ lead, returned: makeHandoff(lead, { status: 'returned', statusReason: '预算还没批', actedBy: 'Sam Sales' }) });

    const banner = screen.getByRole('alert', { name: 'Returned by sales' });
    expect(banner).toHaveTextContent('Returned by Sam Sales');
    expect(banner).toHaveTextContent('Reason: 预算还没批');
    expect(screen.getByRole('button', { name: 'Hand off to Wang Fang' })).toBeEnabled();
  });
});
