import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WrapUp } from '../../../renderer/features/call/ui/WrapUp';
import type { Disposition } from '../../../shared/model/playbook';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { makeCall } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const HOUR = 3_600_000;
const dispositions = DEFAULT_PLAYBOOK.dispositions;

async function renderWrapUp() {
  const now = Date.now();
  const onSave = vi.fn<(disposition: Disposition, callbackAt: number | null) => Promise<void>>(() => Promise.resolve());
  const call = makeCall(makeLead(), { startedAt: now - 120_000, connectedAt: now - 100_000, endedAt: now - 5_000 });
  await renderWithI18n(<WrapUp call={call} dispositions={dispositions} leadTimeZone="Asia/Shanghai" now={now} onSave={onSave} />);
  return { now, onSave, user: userEvent.setup() };
}

describe('WrapUp', () => {
  it('saves nothing until the SDR says how the call ended', async () => {
    const { onSave, user } = await renderWrapUp();

    await user.click(screen.getByRole('button', { name: 'Save call' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Choose how the call ended before saving.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('picks the nth disposition with number key n', async () => {
    await renderWrapUp();

    fireEvent.keyDown(window, { key: '3' });
    expect(screen.getByRole('radio', { name: 'No answer' })).toBeChecked();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);

    fireEvent.keyDown(window, { key: '8' });
    expect(screen.getByRole('radio', { name: 'Callback requested' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'No answer' })).not.toBeChecked();
  });

  it('ignores number keys typed into a field and with a modifier held', async () => {
    await renderWrapUp();

    fireEvent.keyDown(screen.getByLabelText('Call back'), { key: '3' });
    fireEvent.keyDown(window, { key: '4', ctrlKey: true });
    fireEvent.keyDown(window, { key: '0' });

    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
  });

  // isTyping() (renderer/app/useCommandShortcuts.ts) counts every <input> as a text field, radios
  // included, so once a disposition was clicked the shortcut the hint advertises does nothing.
  it('number keys still pick a disposition after one was clicked (a focused radio is not typing)', async () => {
    const { user } = await renderWrapUp();

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.keyboard('4');

    expect(screen.getByRole('radio', { name: 'Busy' })).toBeChecked();
  });

  it('warns that "do not call" is for good', async () => {
    const { user } = await renderWrapUp();
    expect(screen.queryByText('This lead will not be dialled again, on any device.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Do not call again' }));

    expect(screen.getByText('This lead will not be dialled again, on any device.')).toBeInTheDocument();
  });

  it('asks when to call back before saving "Callback requested", then saves that time', async () => {
    const { now, onSave, user } = await renderWrapUp();

    await user.click(screen.getByRole('radio', { name: 'Callback requested' }));
    await user.click(screen.getByRole('button', { name: 'Save call' }));

    expect(screen.getByRole('alert')).toHaveTextContent('A call-back was requested: choose when.');
    expect(onSave).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'In 1 hour' }));
    expect(screen.queryByText('No call-back scheduled.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save call' }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'callback-requested', effect: 'callback' }), now + HOUR);
  });

  it('saves with Ctrl+Enter (the app submits the focused wrap-up form)', async () => {
    const { onSave } = await renderWrapUp();

    fireEvent.keyDown(window, { key: '3' });
    (screen.getByRole('form', { name: 'Call wrap-up' }) as HTMLFormElement).requestSubmit();

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'no-answer' }), null);
  });

  it('starts on the disposition the softphone’s outcome implies, says why, and the SDR can still pick another', async () => {
    const now = Date.now();
    const onSave = vi.fn<(disposition: Disposition, callbackAt: number | null) => Promise<void>>(() => Promise.resolve());
    const call = makeCall(makeLead(), { via: 'sip', startedAt: now - 20_000, connectedAt: null, endedAt: now - 5_000, sip: { outcome: 'busy', status: 486, reason: 'Busy Here', quality: null } });
    await renderWithI18n(<WrapUp call={call} dispositions={dispositions} leadTimeZone="Asia/Shanghai" now={now} onSave={onSave} />);
    const user = userEvent.setup();

    expect(screen.getByRole('radio', { name: 'Busy' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Softphone: busy (486) · Busy Here');
    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.click(screen.getByRole('button', { name: 'Save call' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'no-answer' }), null));
  });

  it('has no default for a call the softphone could not place', async () => {
    const now = Date.now();
    const call = makeCall(makeLead(), { via: 'sip', startedAt: now - 20_000, connectedAt: null, endedAt: now - 5_000, sip: { outcome: 'failed', status: null, reason: 'connection to the PBX lost', quality: null } });
    await renderWithI18n(<WrapUp call={call} dispositions={dispositions} leadTimeZone="Asia/Shanghai" now={now} onSave={() => Promise.resolve()} />);
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Softphone: call failed (—) · connection to the PBX lost');
  });
});
