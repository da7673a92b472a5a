import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, ScriptQuestion } from '../../../../shared/model/script';

interface QuestionFieldProps {
  readonly question: ScriptQuestion;
  readonly value: AnswerValue | undefined;
  readonly disabled: boolean;
  readonly followUp: boolean;
  /** null clears the answer. */
  readonly onAnswer: (value: AnswerValue | null) => void;
}

const TYPED_SAVE_DELAY_MS = 400;

/** One discovery question with the input its answer type needs. */
export function QuestionField({ question, value, disabled, followUp, onAnswer }: QuestionFieldProps) {
  const { t } = useTranslation();
  const hintId = `q-${question.id}-hint`;
  const label = (
    <>
      {followUp ? (
        <span className="q-followup" aria-hidden="true">
          ↳{' '}
        </span>
      ) : null}
      {question.text}
      {question.required ? <span className="q-required"> *</span> : null}
    </>
  );
  const hint = (
    <span id={hintId} className="q-intent">
      {question.intent}
    </span>
  );
  const className = `question${followUp ? ' is-followup' : ''}${value !== undefined ? ' is-answered' : ''}`;

  if (question.type === 'single' || question.type === 'multi' || question.type === 'scale') {
    const multi = question.type === 'multi';
    const choices =
      question.type === 'scale' && question.scale
        ? range(question.scale.min, question.scale.max).map((n) => ({ id: String(n), label: String(n), value: n }))
        : (question.options ?? []).map((o) => ({ id: o.id, label: o.label, value: o.id }));
    const selected = (choice: string | number) => (Array.isArray(value) ? value.includes(String(choice)) : value === choice);
    return (
      <fieldset className={className} aria-describedby={hintId} disabled={disabled}>
        <legend>{label}</legend>
        {hint}
        <div className={`q-choices${question.type === 'scale' ? ' q-scale' : ''}`}>
          {question.type === 'scale' && question.scale?.minLabel ? <span className="q-scale-label">{question.scale.minLabel}</span> : null}
          {choices.map((choice) => (
            <label key={choice.id} className={`chip${selected(choice.value) ? ' is-on' : ''}`}>
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={`q-${question.id}`}
                checked={selected(choice.value)}
                onChange={(e) => {
                  if (!multi) return onAnswer(choice.value);
                  const current = Array.isArray(value) ? (value as readonly string[]) : [];
                  const next = e.target.checked ? [...current, choice.id] : current.filter((id) => id !== choice.id);
                  onAnswer(next.length > 0 ? next : null);
                }}
              />
              {choice.label}
            </label>
          ))}
          {question.type === 'scale' && question.scale?.maxLabel ? <span className="q-scale-label">{question.scale.maxLabel}</span> : null}
          {!multi && value !== undefined && !disabled ? (
            <button type="button" className="btn-link q-clear" onClick={() => onAnswer(null)}>
              {t('script.clear')}
            </button>
          ) : null}
        </div>
      </fieldset>
    );
  }

  const inputId = `q-${question.id}`;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="q-label">
        {label}
      </label>
      {hint}
      <TypedAnswer id={inputId} question={question} value={value} disabled={disabled} hintId={hintId} onAnswer={onAnswer} />
    </div>
  );
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/**
 * Text, number and date answers keep their own state while typed and save on a pause, so a
 * keystroke never waits for the database.
 */
function TypedAnswer({ id, question, value, disabled, hintId, onAnswer }: Omit<QuestionFieldProps, 'followUp'> & { readonly id: string; readonly hintId: string }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<() => void>(() => undefined);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === '') return onAnswer(null);
    if (question.type === 'number') {
      const n = Number(trimmed);
      if (Number.isFinite(n)) onAnswer(n);
      return;
    }
    onAnswer(trimmed);
  };
  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current);
        latest.current();
      }
    },
    [],
  );

  const change = (next: string) => {
    setText(next);
    if (pending.current) clearTimeout(pending.current);
    latest.current = () => commit(next);
    pending.current = setTimeout(() => {
      pending.current = null;
      commit(next);
    }, TYPED_SAVE_DELAY_MS);
  };
  const common = { id, disabled, 'aria-describedby': hintId, value: text, onChange: (e: { target: { value: string } }) => change(e.target.value) };
  if (question.type === 'text') return <textarea className="input q-text" rows={2} maxLength={4000} {...common} />;
  return <input className="input q-input" type={question.type === 'date' ? 'date' : 'number'} inputMode={question.type === 'number' ? 'decimal' : undefined} {...common} />;
}
