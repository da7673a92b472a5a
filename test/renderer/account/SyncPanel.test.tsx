import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SignInDialog, SyncIndicator, SyncPanel, type SyncOverview } from '../../../renderer/features/account';
import { db, mutate } from '../../../renderer/db';
import { SignInError, type ServerTransport } from '../../../renderer/platform/server';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

const USER = { id: 'u1', email: 'li@example.com', name: '李雷', role: 'sdr' as const, teamId: 't1' };

function fakeTransport(overrides: Partial<ServerTransport> = {}): ServerTransport {
  return {
    fixedServerUrl: null,
    signIn: vi.fn(async (serverUrl: string) => ({ serverUrl, user: USER })),
    signOut: vi.fn(async () => undefined),
    request: vi.fn(async () => ({ status: 200, body: null, retryAfterSeconds: null })),
    ...overrides,
  };
}

const overview = (over: Partial<SyncOverview> = {}): SyncOverview => ({
  status: { phase: 'idle', lastSyncedAt: Date.now(), message: '', retryAt: null },
  account: { serverUrl: 'https://sdr.example.com', user: USER, signedInAt: 1 },
  waiting: 0,
  rejections: [],
  ...over,
});

describe('sync status and account', () => {
  it('tells offline, waiting and needs-attention apart at a glance', async () => {
    const { rerender } = await renderWithI18n(<SyncIndicator overview={overview({ status: { phase: 'offline', lastSyncedAt: null, message: '', retryAt: null }, waiting: 3 })} onOpen={() => undefined} />);
    expect(screen.getByRole('button', { name: /Sync status: Offline, 3 waiting/ })).toBeInTheDocument();
    const rejection = { seq: 4, mutationId: 'm', name: 'handoff.create', args: {}, leadId: 'l', code: 'handoff.exists', message: '韩梅梅 already handed this lead off', createdAt: 1, rejectedAt: 2, repairedAt: 3, company: '甲乙科技' };
    rerender(<SyncIndicator overview={overview({ rejections: [rejection] })} onOpen={() => undefined} />);
    expect(screen.getByRole('button', { name: /Needs attention \(1\)/ })).toBeInTheDocument();
  });

  it('asks before signing out deletes changes that never reached the server, and deletes them only when confirmed', async () => {
    const lead = makeLead();
    await db.settings.put({ key: 'account', value: overview().account });
    await mutate(db, 'lead.create', { lead }, Date.now());
    const transport = fakeTransport();
    const onClose = vi.fn();
    await renderWithI18n(<SyncPanel overview={overview({ waiting: 1 })} transport={transport} onSyncNow={() => undefined} onSignIn={() => undefined} onClose={onClose} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const confirm = await screen.findByRole('dialog', { name: 'Sign out and delete local data?' });
    expect(within(confirm).getByRole('alert')).toHaveTextContent('1 change on this computer has not reached the server');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await db.leads.count()).toBe(1);
    expect(transport.signOut).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Delete them and sign out' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(transport.signOut).toHaveBeenCalled();
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('lists refused changes with the server’s reason and sends one again on request', async () => {
    const rejection = { seq: 7, mutationId: 'm7', name: 'lead.create', args: { lead: makeLead() }, leadId: null, code: 'clock.ahead', message: "your computer's clock was 2 hours ahead", createdAt: 1, rejectedAt: 2, repairedAt: 3 };
    await db.rejections.put(rejection);
    const onSyncNow = vi.fn();
    await renderWithI18n(<SyncPanel overview={overview({ rejections: [{ ...rejection, company: null }] })} transport={fakeTransport()} onSyncNow={onSyncNow} onSignIn={() => undefined} onClose={() => undefined} />);
    const item = screen.getByRole('listitem', { name: 'New lead · a lead' });
    expect(item).toHaveTextContent('2 hours ahead');
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(onSyncNow).toHaveBeenCalled());
    expect(await db.rejections.count()).toBe(0);
    expect((await db.outbox.toArray()).map((o) => o.name)).toEqual(['lead.create']);
  });

  it('signs in and remembers the account; a wrong password says so in Chinese', async () => {
    const transport = fakeTransport({
      signIn: vi.fn(async () => {
        throw new SignInError('auth.invalid', 'Wrong e-mail or password.');
      }),
    });
    await renderWithI18n(<SignInDialog transport={transport} lastServerUrl="" lastEmail="" onClose={() => undefined} onSignedIn={() => undefined} />, 'zh-CN');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('服务器地址'), 'https://sdr.example.com');
    await user.type(screen.getByLabelText('邮箱'), 'li@example.com');
    await user.type(screen.getByLabelText('密码'), 'wrong');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱或密码错误。');
    expect(await db.settings.get('account')).toBeUndefined();
  });

  it('signs in: the account and owner name are kept for offline use', async () => {
    const onSignedIn = vi.fn();
    await renderWithI18n(<SignInDialog transport={fakeTransport()} lastServerUrl="https://sdr.example.com" lastEmail="li@example.com" onClose={() => undefined} onSignedIn={onSignedIn} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect((await db.settings.get('account'))?.value).toMatchObject({ serverUrl: 'https://sdr.example.com', user: { name: '李雷' } });
    expect((await db.settings.get('ownerName'))?.value).toBe('李雷');
  });
});
