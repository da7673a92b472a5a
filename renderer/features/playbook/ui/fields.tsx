import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACT_KEYS } from '../../../../shared/model/facts';
import type { Localized } from '../../../../shared/model/localized';
import { FieldProblems, useFieldProblems, useItemProblems } from './problems';

/**
 * The editor's form controls. Each has a visible label, shows the problems found at its `path`
 * beside it (aria-invalid, aria-describedby), and carries the path so "Show" on a problem can
 * focus it.
 */

interface FieldBase {
  readonly label: string;
  readonly path: string;
  readonly hint?: string;
  readonly className?: string;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => id !== undefined);
  return list.length > 0 ? list.join(' ') : undefined;
}

function Hint({ id, text }: { readonly id: string; readonly text: string | undefined }) {
  return text ? (
    <span id={id} className="field-hint">
      {text}
    </span>
  ) : null;
}

export function TextField({
  label,
  path,
  hint,
  className,
  value,
  onChange,
  multiline = false,
  list,
  maxLength,
}: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly multiline?: boolean; readonly list?: string; readonly maxLength?: number }) {
  const id = useId();
  const problems = useFieldProblems(path);
  const common = {
    id,
    value,
    maxLength,
    'data-path': path,
    'aria-invalid': problems.invalid || undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, problems.describedBy),
  };
  return (
    <div className={`field pbe-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea className="input pbe-textarea" rows={2} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className="input" type="text" list={list} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      <Hint id={`${id}-hint`} text={hint} />
      <FieldProblems id={problems.id} messages={problems.messages} />
    </div>
  );
}

const sameNumber = (a: number | null | undefined, b: number | null | undefined) => Object.is(a ?? null, b ?? null);
const formatNumber = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '' : String(n));

/**
 * A number typed as text, so "1." or "-" can be on the way to a number. Blank gives null; text that
 * is not a number gives NaN, which the shared rules then name as the field's problem.
 */
export function NumberField({
  label,
  path,
  hint,
  className,
  value,
  onChange,
}: FieldBase & { readonly value: number | null | undefined; readonly onChange: (value: number | null) => void }) {
  const id = useId();
  const problems = useFieldProblems(path);
  const [text, setText] = useState(formatNumber(value));
  const [shown, setShown] = useState(value);
  if (!sameNumber(shown, value)) {
    setShown(value);
    setText(formatNumber(value));
  }
  const change = (next: string) => {
    const trimmed = next.trim();
    const parsed = trimmed === '' ? null : Number(trimmed);
    setText(next);
    setShown(parsed);
    onChange(parsed);
  };
  return (
    <div className={`field pbe-field pbe-number${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="text"
        inputMode="decimal"
        value={text}
        data-path={path}
        aria-invalid={problems.invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, problems.describedBy)}
        onChange={(e) => change(e.target.value)}
      />
      <Hint id={`${id}-hint`} text={hint} />
      <FieldProblems id={problems.id} messages={problems.messages} />
    </div>
  );
}

const LIST_SEPARATORS = /[,，、\n]/;
const parseList = (text: string) =>
  text
    .split(LIST_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A list of words typed in one field, separated by commas (or 、 and full-width commas). */
export function ListField({
  label,
  path,
  hint,
  className,
  value,
  onChange,
}: FieldBase & { readonly value: readonly string[]; readonly onChange: (value: string[]) => void }) {
  const id = useId();
  const problems = useFieldProblems(path);
  const [text, setText] = useState(value.join(', '));
  const [shown, setShown] = useState(value);
  if (shown.join('\n') !== value.join('\n')) {
    setShown(value);
    setText(value.join(', '));
  }
  // A problem with one item ("regions[2]") is shown on the field.
  const itemProblems = useItemProblems(path, value.length);
  const messages = [...problems.messages, ...itemProblems];
  return (
    <div className={`field pbe-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="text"
        value={text}
        data-path={path}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, messages.length > 0 ? problems.id : undefined)}
        onChange={(e) => {
          const next = parseList(e.target.value);
          setText(e.target.value);
          setShown(next);
          onChange(next);
        }}
      />
      <Hint id={`${id}-hint`} text={hint} />
      <FieldProblems id={problems.id} messages={messages} />
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  path,
  hint,
  className,
  value,
  options,
  onChange,
}: FieldBase & { readonly value: V; readonly options: readonly { readonly value: V; readonly label: string }[]; readonly onChange: (value: V) => void }) {
  const id = useId();
  const problems = useFieldProblems(path);
  return (
    <div className={`field pbe-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input select"
        value={value}
        data-path={path}
        aria-invalid={problems.invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, problems.describedBy)}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o, i) => (
          <option key={`${i}:${o.value}`} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={`${id}-hint`} text={hint} />
      <FieldProblems id={problems.id} messages={problems.messages} />
    </div>
  );
}

export function CheckField({ label, path, className, checked, onChange }: FieldBase & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const problems = useFieldProblems(path);
  return (
    <div className={`pbe-check${className ? ` ${className}` : ''}`}>
      <label>
        <input type="checkbox" checked={checked} data-path={path} aria-describedby={problems.describedBy} onChange={(e) => onChange(e.target.checked)} /> <span className="pbe-check-text">{label}</span>
      </label>
      <FieldProblems id={problems.id} messages={problems.messages} />
    </div>
  );
}

/** A label in both UI languages: two fields, English and Chinese. */
export function LocalizedField({ label, path, value, onChange }: { readonly label: string; readonly path: string; readonly value: Localized; readonly onChange: (value: Localized) => void }) {
  const { t } = useTranslation('playbookEditor');
  return (
    <>
      <TextField label={t('field.inEnglish', { label })} path={`${path}.en`} value={value.en} maxLength={120} onChange={(en) => onChange({ ...value, en })} />
      <TextField label={t('field.inChinese', { label })} path={`${path}.zh-CN`} value={value['zh-CN']} maxLength={120} onChange={(zh) => onChange({ ...value, 'zh-CN': zh })} />
    </>
  );
}

/** Move up, move down and remove, for one item of an ordered list. */
export function RowActions({
  name,
  canUp,
  canDown,
  onMove,
  onRemove,
}: {
  readonly name: string;
  readonly canUp: boolean;
  readonly canDown: boolean;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}) {
  const { t } = useTranslation('playbookEditor');
  return (
    <div className="pbe-row-actions">
      <button type="button" className="btn btn-small btn-ghost" aria-label={t('row.up', { name })} title={t('row.up', { name })} disabled={!canUp} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="btn btn-small btn-ghost" aria-label={t('row.down', { name })} title={t('row.down', { name })} disabled={!canDown} onClick={() => onMove(1)}>
        ↓
      </button>
      <button type="button" className="btn btn-small btn-ghost btn-danger" aria-label={t('row.remove', { name })} title={t('row.remove', { name })} onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}

export const FACT_LIST_ID = 'pbe-fact-keys';

/** The known fact slots, offered as suggestions wherever a fact is typed. */
export function FactKeyList() {
  return (
    <datalist id={FACT_LIST_ID}>
      {FACT_KEYS.map((key) => (
        <option key={key} value={key} />
      ))}
    </datalist>
  );
}
