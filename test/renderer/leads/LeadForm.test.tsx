import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { LeadForm } from '../../../renderer/features/leads/ui/LeadForm';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { makeLead } from '../../helpers/leadFactory';
import { toLeadRow } from '../../../renderer/db';

afterEach(async () => {
  await Promise.all([db.leads.clear(), db.outbox.clear(), db.syncState.clear()]);
});

describe('LeadForm', () => {
  it('shows a per-field error in the UI language, saves nothing, then saves once fixed', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    await renderWithI18n(<LeadForm lead={null} defaultKind="inbound" ownerName="王芳" region="CN" onSaved={onSaved} onCancel={() => undefined} />, 'zh-CN');

    await user.type(screen.getByLabelText('公司 *'), '离线测试科技有限公司');
    await user.type(screen.getByLabelText('电话 1'), '12345');
    await user.click(screen.getByRole('button', { name: '保存线索' }));

    expect(await screen.findByText('不是有效的电话号码')).toBeInTheDocument();
    expect(screen.getByLabelText('电话 1')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('电话 1')).toHaveFocus();
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await user.clear(screen.getByLabelText('电话 1'));
    await user.type(screen.getByLabelText('电话 1'), '(010) 6552-9988');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [saved] = await db.leads.toArray();
    expect(saved).toMatchObject({ company: '离线测试科技有限公司', phones: ['+861065529988'], owner: '王芳', status: 'new' });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['lead.create']);
  });

  it('sends only the changed fields when editing', async () => {
    const user = userEvent.setup();
    const lead = makeLead({ createdAt: 1000, updatedAt: 1000 });
    await db.leads.add(toLeadRow(lead));
    await renderWithI18n(<LeadForm lead={lead} defaultKind="inbound" ownerName="" region="CN" onSaved={() => undefined} onCancel={() => undefined} />);

    expect(screen.getByLabelText('Phone 1')).toHaveValue('138 0013 8000');
    await user.clear(screen.getByLabelText('Job title'));
    await user.type(screen.getByLabelText('Job title'), 'CMO');
    await user.selectOptions(screen.getByLabelText('Temperature'), 'hot');
    await user.click(screen.getByRole('button', { name: 'Save lead' }));

    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry?.args).toMatchObject({ id: lead.id, patch: { title: 'CMO', temperature: 'hot' } });
    expect(Object.keys((entry?.args as { patch: object }).patch).sort()).toEqual(['temperature', 'title']);
  });
});
