import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ScriptPanel } from '../../../renderer/features/script';
import { mergeAnswers, type Answers, type Script } from '../../../shared/model/script';
import { DEFAULT_SCRIPTS } from '../../../shared/playbook/scripts';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const script: Script = DEFAULT_SCRIPTS.find((s) => s.kind === 'inbound' && s.locale === 'en')!;
/** Questions shown before anything is answered: those that depend on no other. */
const baseTotal = script.sections.flatMap((s) => s.questions).filter((q) => !q.showIf).length;

const PAIN = 'What gets in the way of that today?';
const JUDGEMENT = 'How does sales decide today whether a lead is a good one?';
const SCORE = 'On a scale of 1 to 5, how happy is sales with the leads marketing sends today?';
const IMPACT = 'What happens to the leads sales doesn’t trust? Do they get called at all?';
const NEXT_STEP = 'What would be a useful next step from here?';
const SEND_WHAT = 'What would be most useful for me to send over?';
// A date field has no role; its label also holds the follow-up arrow, hence a pattern.
const WHICH_DAY = /Which day works for that\?/;

/** The call's side of the panel: every answer goes straight back into the answers shown. */
function LiveScript({ recording = true, initial = {} }: { readonly recording?: boolean; readonly initial?: Answers }) {
  const [answers, setAnswers] = useState<Answers>(initial);
  return <ScriptPanel script={script} answers={answers} recording={recording} onAnswer={(id, value) => setAnswers((a) => mergeAnswers(a, { [id]: value }))} />;
}

const group = (name: string) => screen.getByRole('group', { name });
const progress = () => screen.getByRole('progressbar', { name: 'Questions covered' });

describe('ScriptPanel', () => {
  it('shows a follow-up only while its parent’s answer calls for it', async () => {
    const user = userEvent.setup();
    await renderWithI18n(<LiveScript />);
    expect(screen.queryByRole('textbox', { name: JUDGEMENT })).not.toBeInTheDocument();

    await user.click(within(group(PAIN)).getByRole('checkbox', { name: 'Lead quality: sales says leads aren’t ready' }));
    expect(screen.getByRole('textbox', { name: JUDGEMENT })).toBeInTheDocument();

    await user.click(within(group(PAIN)).getByRole('checkbox', { name: 'Lead quality: sales says leads aren’t ready' }));
    expect(screen.queryByRole('textbox', { name: JUDGEMENT })).not.toBeInTheDocument();
  });

  it('swaps follow-ups when a single choice changes, and folds them when it is cleared', async () => {
    const user = userEvent.setup();
    await renderWithI18n(<LiveScript />);

    await user.click(within(group(NEXT_STEP)).getByRole('radio', { name: 'Send some information first' }));
    expect(screen.getByRole('textbox', { name: SEND_WHAT })).toBeInTheDocument();
    expect(screen.queryByLabelText(WHICH_DAY)).not.toBeInTheDocument();

    await user.click(within(group(NEXT_STEP)).getByRole('radio', { name: 'A demo with a specialist' }));
    expect(screen.queryByRole('textbox', { name: SEND_WHAT })).not.toBeInTheDocument();
    expect(screen.getByLabelText(WHICH_DAY)).toBeInTheDocument();

    await user.click(within(group(NEXT_STEP)).getByRole('button', { name: 'Clear' }));
    expect(within(group(NEXT_STEP)).getByRole('radio', { name: 'A demo with a specialist' })).not.toBeChecked();
    expect(screen.queryByLabelText(WHICH_DAY)).not.toBeInTheDocument();
  });

  it('folds a whole branch when the answer it grew from changes, and stops counting it', async () => {
    const user = userEvent.setup();
    await renderWithI18n(<LiveScript />);
    expect(progress()).toHaveAttribute('aria-valuemax', String(baseTotal));
    expect(progress()).toHaveAttribute('aria-valuenow', '0');

    await user.click(within(group(PAIN)).getByRole('checkbox', { name: 'Too much manual work' }));
    await user.click(within(group(PAIN)).getByRole('checkbox', { name: 'Lead quality: sales says leads aren’t ready' }));
    // The score and the judgement question open up.
    expect(progress()).toHaveAttribute('aria-valuemax', String(baseTotal + 2));
    expect(screen.queryByRole('textbox', { name: IMPACT })).not.toBeInTheDocument();

    await user.click(within(group(SCORE)).getByRole('radio', { name: '4' }));
    expect(screen.queryByRole('textbox', { name: IMPACT })).not.toBeInTheDocument();
    await user.click(within(group(SCORE)).getByRole('radio', { name: '2' }));
    expect(screen.getByRole('textbox', { name: IMPACT })).toBeInTheDocument();
    expect(progress()).toHaveAttribute('aria-valuemax', String(baseTotal + 3));
    expect(progress()).toHaveAttribute('aria-valuenow', '2');
    expect(screen.getByText(`2 of ${baseTotal + 3} covered`)).toBeInTheDocument();

    // Taking back the grandparent's answer folds the score and the question under it.
    await user.click(within(group(PAIN)).getByRole('checkbox', { name: 'Lead quality: sales says leads aren’t ready' }));
    expect(screen.queryByRole('group', { name: SCORE })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: IMPACT })).not.toBeInTheDocument();
    expect(progress()).toHaveAttribute('aria-valuemax', String(baseTotal));
    expect(progress()).toHaveAttribute('aria-valuenow', '1');
  });

  it('shows a nested follow-up of a typed answer once the typing pauses', async () => {
    const user = userEvent.setup();
    await renderWithI18n(<LiveScript />);
    const role = 'What’s your part in choosing a tool like this?';
    const others = 'Who else would be involved, and what would matter most to them?';
    const bringThem = 'Would it make sense to bring them into the next conversation?';

    await user.click(within(group(role)).getByRole('radio', { name: 'I recommend, someone else signs off' }));
    await user.type(screen.getByRole('textbox', { name: others }), 'The CMO and IT');
    expect(await screen.findByRole('group', { name: bringThem })).toBeInTheDocument();

    await user.click(within(group(role)).getByRole('radio', { name: 'I make the call' }));
    expect(screen.queryByRole('textbox', { name: others })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: bringThem })).not.toBeInTheDocument();
  });

  it('shows the last call’s answers read-only when no call is recording', async () => {
    await renderWithI18n(<LiveScript recording={false} initial={{ 'interest-area': 'leadmgmt', 'pain-points': ['lead-quality'] }} />);

    expect(screen.getByText('Start a call or log a touch to record answers. Shown: the answers from the last call.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Lead management and scoring' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: JUDGEMENT })).toBeInTheDocument();
    for (const input of [...screen.getAllByRole('radio'), ...screen.getAllByRole('checkbox'), ...screen.getAllByRole('textbox'), ...screen.getAllByRole('spinbutton')]) {
      expect(input).toBeDisabled();
    }
    expect(screen.queryByRole('button', { name: 'Clear' })).not.toBeInTheDocument();
  });
});
