import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CallPanel, type CallActions } from '../../../renderer/features/call';
import type { Lead } from '../../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { makeLead } from '../../helpers/leadFactory';
import { renderWithI18n } from '../../helpers/renderWithI18n';

function fakeActions(): { [K in keyof CallActions]: ReturnType<typeof vi.fn<CallActions[K]>> } {
  return {
    dial: vi.fn<CallActions['dial']>(() => Promise.resolve()),
    dialLogOnly: vi.fn<CallActions['dialLogOnly']>(() => Promise.resolve()),
    logTouch: vi.fn<CallActions['logTouch']>(() => Promise.resolve()),
    markConnected: vi.fn<CallActions['markConnected']>(() => Promise.resolve()),
    hangUp: vi.fn<CallActions['hangUp']>(() => Promise.resolve()),
    wrapUp: vi.fn<CallActions['wrapUp']>(() => Promise.resolve()),
    setMuted: vi.fn<CallActions['setMuted']>(() => Promise.resolve()),
    setHeld: vi.fn<CallActions['setHeld']>(() => Promise.resolve()),
  };
}

async function renderIdle(lead: Lead) {
  const actions = fakeActions();
  await renderWithI18n(
    <CallPanel
      lead={lead}
      call={null}
      otherCall={null}
      region="CN"
      dispositions={DEFAULT_PLAYBOOK.dispositions}
      leadTimeZone="Asia/Shanghai"
      controlsAudio={false}
      reportsProgress={false}
      now={Date.now()}
      actions={actions}
      onGoToCall={() => undefined}
    />,
  );
  return { actions, user: userEvent.setup(), numberField: screen.getByRole('textbox', { name: 'Number to call' }) };
}

describe('CallPanel, before a call', () => {
  it('offers the lead’s first number, as dialled from China', async () => {
    const { numberField } = await renderIdle(makeLead({ phones: ['+8613800138000'] }));
    expect(numberField).toHaveValue('138 0013 8000');
  });

  it('refuses a pasted number with letters in it and does not dial', async () => {
    const { actions, user, numberField } = await renderIdle(makeLead());

    await user.clear(numberField);
    await user.click(numberField);
    await user.paste('138 0013 80ab');
    expect(numberField).toHaveValue('138 0013 80ab');
    await user.click(screen.getByRole('button', { name: 'Call' }));

    expect(screen.getByRole('alert')).toHaveTextContent('A phone number cannot contain letters');
    expect(numberField).toHaveAttribute('aria-invalid', 'true');
    expect(actions.dial).not.toHaveBeenCalled();
  });

  it.each([
    ['+86 138-0013-8000', '+8613800138000', '138 0013 8000'],
    ['0086 138 0013 8000', '+8613800138000', '138 0013 8000'],
    ['(010) 6552-9988', '+861065529988', '010 6552 9988'],
    ['+44 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
  ])('dials %s as %s', async (typed, e164, shown) => {
    const { actions, user, numberField } = await renderIdle(makeLead());

    await user.clear(numberField);
    await user.type(numberField, `${typed}{Enter}`);

    await waitFor(() => expect(actions.dial).toHaveBeenCalledWith(e164));
    expect(actions.dial).toHaveBeenCalledTimes(1);
    expect(numberField).toHaveValue(shown);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tidies a valid pasted number at once', async () => {
    const { user, numberField } = await renderIdle(makeLead());

    await user.clear(numberField);
    await user.click(numberField);
    await user.paste('+86 138-0013-8000');

    expect(numberField).toHaveValue('138 0013 8000');
  });

  it('does not dial a number that cannot exist', async () => {
    const { actions, user, numberField } = await renderIdle(makeLead());

    await user.clear(numberField);
    await user.type(numberField, '12345{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Not a valid phone number');
    expect(actions.dial).not.toHaveBeenCalled();
  });

  it('shows why the dialer refused, and lets the SDR try again', async () => {
    const { actions, user } = await renderIdle(makeLead());
    actions.dial.mockRejectedValueOnce(new Error('No dial link'));

    await user.click(screen.getByRole('button', { name: 'Call' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not start the call: No dial link');
    expect(screen.getByRole('button', { name: 'Call' })).toBeEnabled();
  });

  it('cannot dial a do-not-call lead, by button or by Enter', async () => {
    const { actions, user, numberField } = await renderIdle(makeLead({ doNotCall: true }));

    expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled();
    expect(screen.getByText('Do not call: this lead asked not to be called.')).toBeInTheDocument();

    // With the call button disabled, Enter in the field submits nothing either.
    await user.type(numberField, '{Enter}');

    expect(actions.dial).not.toHaveBeenCalled();
  });
});
