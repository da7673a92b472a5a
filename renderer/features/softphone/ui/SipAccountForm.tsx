import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { parseSipUri, sipTarget, SipAccountSchema, type DtmfMode, type IceServer, type SipAccount, type SipSettingError } from '../../../../shared/model/sip';
import type { SipSecretStore } from '../../../platform/platform';
import { readSetting, writeSetting } from '../../settings';
import '../softphoneSettings.css';

interface SipAccountFormProps {
  readonly sipSecret: SipSecretStore;
  /** The account (and the password, if one was typed) is stored. */
  readonly onSaved: () => void;
  /** The stored password was forgotten; the softphone should stop using it. */
  readonly onPasswordForgotten?: () => void;
}

/** The softphone's SIP account; nothing is stored until every field is valid. */
export function SipAccountForm(props: SipAccountFormProps) {
  // undefined while loading: the form must start from what is stored, not from blanks.
  const saved = useLiveQuery(async () => (await readSetting('sipAccount')) ?? null, []);
  if (saved === undefined) return null;
  return <AccountForm {...props} saved={saved} />;
}

interface IceRow {
  readonly id: number;
  readonly urls: string;
  readonly username: string;
  readonly credential: string;
}

interface Draft {
  readonly wsUrl: string;
  readonly sipUri: string;
  readonly authUser: string;
  readonly displayName: string;
  readonly iceServers: readonly IceRow[];
  readonly targetTemplate: string;
  readonly dialPrefix: string;
  readonly dtmf: DtmfMode;
}

type TextKey = 'wsUrl' | 'sipUri' | 'authUser' | 'displayName' | 'targetTemplate' | 'dialPrefix';
type IceKey = 'urls' | 'username' | 'credential';
/** 'wsUrl', … or 'ice.<row id>.urls', … */
type ErrorKey = TextKey | `ice.${number}.${IceKey}`;
type ErrorCode = SipSettingError | 'tooLong';
type FieldErrors = Partial<Record<ErrorKey, ErrorCode>>;

/** Where each field's error is shown first when several are wrong: the order on screen. */
const TEXT_KEYS: readonly TextKey[] = ['wsUrl', 'sipUri', 'authUser', 'displayName', 'targetTemplate', 'dialPrefix'];
const ICE_KEYS: readonly IceKey[] = ['urls', 'username', 'credential'];
const SAMPLE_NUMBER = '+8613800138000';
/** SipAccountSchema's limit: the add button goes away rather than letting a sixth row fail on save. */
const MAX_ICE_SERVERS = 5;

let nextRowId = 0;
const iceRow = (server?: IceServer): IceRow => ({ id: nextRowId++, urls: server?.urls ?? '', username: server?.username ?? '', credential: server?.credential ?? '' });

function draftFrom(account: SipAccount | null): Draft {
  return {
    wsUrl: account?.wsUrl ?? '',
    sipUri: account?.sipUri ?? '',
    authUser: account?.authUser ?? '',
    displayName: account?.displayName ?? '',
    iceServers: account?.iceServers.map(iceRow) ?? [],
    targetTemplate: account?.targetTemplate ?? '',
    dialPrefix: account?.dialPrefix ?? '',
    dtmf: account?.dtmf ?? 'rtp',
  };
}

/** The rows that are not left entirely blank, so an added-then-unused row is no error. */
const usedIceRows = (rows: readonly IceRow[]) => rows.filter((r) => r.urls.trim() !== '' || r.username.trim() !== '' || r.credential !== '');

function candidateFrom(draft: Draft): z.input<typeof SipAccountSchema> {
  const sipUri = draft.sipUri.trim();
  return {
    wsUrl: draft.wsUrl.trim(),
    // "8001@pbx.example.com" is what a PBX admin's e-mail usually says; the scheme is implied.
    sipUri: /^sips?:/i.test(sipUri) || !sipUri.includes('@') ? sipUri : `sip:${sipUri}`,
    authUser: draft.authUser.trim(),
    displayName: draft.displayName.trim(),
    iceServers: usedIceRows(draft.iceServers).map((r) => ({
      urls: r.urls.trim(),
      ...(r.username.trim() === '' ? {} : { username: r.username.trim() }),
      // A TURN credential is a secret someone generated: spaces in it may be real.
      ...(r.credential === '' ? {} : { credential: r.credential }),
    })),
    targetTemplate: draft.targetTemplate.trim(),
    dialPrefix: draft.dialPrefix.trim(),
    dtmf: draft.dtmf,
  };
}

const isCode = (message: string): message is SipSettingError => message.startsWith('sip.');

function errorsFrom(issues: z.ZodError['issues'], rows: readonly IceRow[]): FieldErrors {
  const errors: FieldErrors = {};
  const used = usedIceRows(rows);
  for (const issue of issues) {
    const [field, index, part] = issue.path;
    let key: ErrorKey | null = null;
    if (field === 'iceServers' && typeof index === 'number' && ICE_KEYS.includes(part as IceKey)) {
      const row = used[index];
      if (row) key = `ice.${row.id}.${part as IceKey}`;
    } else if (TEXT_KEYS.includes(field as TextKey)) {
      key = field as TextKey;
    }
    if (key === null) continue;
    // A field can fail its length and its format at once; the format's message says more.
    const code: ErrorCode = isCode(issue.message) ? issue.message : 'tooLong';
    if (errors[key] === undefined || (errors[key] === 'tooLong' && code !== 'tooLong')) errors[key] = code;
  }
  return errors;
}

type Status = { readonly kind: 'refused' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'forgotten' } | null;

function AccountForm({ sipSecret, onSaved, onPasswordForgotten, saved }: SipAccountFormProps & { readonly saved: SipAccount | null }) {
  const { t } = useTranslation('sipSettings');
  const id = useId();
  const fieldId = (key: ErrorKey | 'password' | 'preview') => `${id}-${key.replaceAll('.', '-')}`;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(saved));
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState<boolean | null>(null);
  const [persistence, setPersistence] = useState<'keychain' | 'session' | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    sipSecret.get().then(
      (stored) => live && setHasPassword(stored !== null && stored !== ''),
      () => live && setHasPassword(false),
    );
    sipSecret.persistence().then(
      (where) => live && setPersistence(where),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sipSecret]);

  const edit = (key: ErrorKey, change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // The message goes once the SDR starts correcting; the next save checks again.
    if (errors[key] !== undefined) setErrors(({ [key]: _, ...rest }) => rest);
  };
  const editIce = (row: IceRow, part: IceKey, value: string) => {
    setDraft((d) => ({ ...d, iceServers: d.iceServers.map((r) => (r.id === row.id ? { ...r, [part]: value } : r)) }));
    const key: ErrorKey = `ice.${row.id}.${part}`;
    if (errors[key] !== undefined) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const fieldName = (key: ErrorKey): string => {
    if (key.startsWith('ice.')) {
      const [, rowId, part] = key.split('.');
      const n = draft.iceServers.findIndex((r) => String(r.id) === rowId) + 1;
      return t(part === 'urls' ? 'fields.iceUrl' : part === 'username' ? 'fields.iceUsername' : 'fields.iceCredential', { n });
    }
    return t(`fields.${key}`);
  };
  const message = (key: ErrorKey): string | null => {
    const code = errors[key];
    if (code === undefined) return null;
    if (code === 'tooLong') return t('errors.tooLong', { field: fieldName(key) });
    const n = key.startsWith('ice.') ? draft.iceServers.findIndex((r) => String(r.id) === key.split('.')[1]) + 1 : undefined;
    return t(`errors.${code.slice('sip.'.length)}`, { n });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const parsed = SipAccountSchema.safeParse(candidateFrom(draft));
    if (!parsed.success) {
      const found = errorsFrom(parsed.error.issues, draft.iceServers);
      setErrors(found);
      setStatus({ kind: 'refused' });
      const order: ErrorKey[] = [
        'wsUrl',
        'sipUri',
        'authUser',
        'displayName',
        ...draft.iceServers.flatMap((r) => ICE_KEYS.map((part): ErrorKey => `ice.${r.id}.${part}`)),
        'targetTemplate',
        'dialPrefix',
      ];
      const first = order.find((key) => found[key] !== undefined);
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setErrors({});
    setStatus(null);
    setSaving(true);
    try {
      // The password first: if the keychain refuses it, the account is left as it was too.
      if (password !== '') {
        await sipSecret.set(password);
        setHasPassword(true);
        setPassword('');
      }
      await writeSetting('sipAccount', parsed.data);
      setDraft(draftFrom(parsed.data));
      onSaved();
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const forget = async () => {
    try {
      await sipSecret.set(null);
      setHasPassword(false);
      setPassword('');
      setStatus({ kind: 'forgotten' });
      onPasswordForgotten?.();
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const text = (key: TextKey, props: { readonly label: string; readonly hint?: ReactNode; readonly wide?: boolean; readonly placeholder?: string; readonly extraDescribedBy?: string; readonly after?: ReactNode }) => (
    <Field id={fieldId(key)} label={props.label} hint={props.hint} error={message(key)} wide={props.wide} after={props.after}>
      {(described) => (
        <input
          id={fieldId(key)}
          className="input"
          value={draft[key]}
          placeholder={props.placeholder}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={errors[key] !== undefined ? true : undefined}
          aria-describedby={[described, props.extraDescribedBy].filter(Boolean).join(' ') || undefined}
          onChange={(e) => edit(key, { [key]: e.target.value })}
        />
      )}
    </Field>
  );

  const authPlaceholder = parseSipUri(candidateFrom(draft).sipUri)?.user ?? t('fields.authUserPlaceholder');
  const prefixValid = SipAccountSchema.shape.dialPrefix.safeParse(draft.dialPrefix.trim()).success;
  const preview = prefixValid ? sipTarget({ targetTemplate: draft.targetTemplate, dialPrefix: draft.dialPrefix.trim() }, SAMPLE_NUMBER) : null;
  const passwordHint = [persistence === 'keychain' ? t('fields.passwordKeychain') : persistence === 'session' ? t('fields.passwordSession') : null, hasPassword === null ? null : hasPassword ? t('fields.passwordSaved') : t('fields.passwordNone')]
    .filter(Boolean)
    .join(' ');
  const titleId = `${id}-title`;

  return (
    <form className="softphone-section" aria-labelledby={titleId} noValidate onSubmit={(e) => void save(e)}>
      <h3 id={titleId} className="softphone-heading">
        {t('account.title')}
      </h3>
      <p className="field-hint softphone-intro">{t('account.intro')}</p>
      <div className="sip-form-grid">
        {text('wsUrl', { label: t('fields.wsUrl'), hint: t('fields.wsUrlHint'), placeholder: 'wss://pbx.example.com:8089/ws', wide: true })}
        {text('sipUri', { label: t('fields.sipUri'), hint: t('fields.sipUriHint'), placeholder: 'sip:8001@pbx.example.com' })}
        {text('authUser', { label: t('fields.authUser'), hint: t('fields.authUserHint'), placeholder: authPlaceholder })}
        <Field id={fieldId('password')} label={t('fields.password')} hint={passwordHint === '' ? undefined : passwordHint} error={null}>
          {(described) => (
            <div className="sip-password-row">
              <input
                id={fieldId('password')}
                className="input"
                type="password"
                autoComplete="off"
                value={password}
                placeholder={hasPassword ? t('fields.passwordSavedPlaceholder') : undefined}
                aria-describedby={described}
                onChange={(e) => {
                  setPassword(e.target.value);
                  if (status?.kind === 'forgotten') setStatus(null);
                }}
              />
              {hasPassword ? (
                <button type="button" className="btn btn-small" onClick={() => void forget()}>
                  {t('fields.forgetPassword')}
                </button>
              ) : null}
            </div>
          )}
        </Field>
        {text('displayName', { label: t('fields.displayName'), hint: t('fields.displayNameHint') })}
        <fieldset className="sip-subfieldset sip-wide" aria-describedby={`${id}-ice-hint`}>
          <legend className="field-label">{t('fields.ice')}</legend>
          <span id={`${id}-ice-hint`} className="field-hint">
            {t('fields.iceHint')}
          </span>
          {draft.iceServers.length === 0 ? null : (
            <ul className="sip-ice-list">
              {draft.iceServers.map((row, i) => (
                <li key={row.id} className="sip-ice-row">
                  {ICE_KEYS.map((part) => {
                    const key: ErrorKey = `ice.${row.id}.${part}`;
                    const error = message(key);
                    const name = t(part === 'urls' ? 'fields.iceUrl' : part === 'username' ? 'fields.iceUsername' : 'fields.iceCredential', { n: i + 1 });
                    return (
                      <input
                        key={part}
                        id={fieldId(key)}
                        className="input"
                        type={part === 'credential' ? 'password' : 'text'}
                        autoComplete="off"
                        spellCheck={false}
                        value={row[part]}
                        placeholder={part === 'urls' ? 'stun:stun.example.com:3478' : undefined}
                        aria-label={name}
                        aria-invalid={error !== null ? true : undefined}
                        aria-describedby={error !== null ? `${fieldId(key)}-error` : undefined}
                        onChange={(e) => editIce(row, part, e.target.value)}
                      />
                    );
                  })}
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={t('fields.iceRemove', { n: i + 1 })}
                    title={t('fields.iceRemove', { n: i + 1 })}
                    onClick={() => setDraft((d) => ({ ...d, iceServers: d.iceServers.filter((r) => r.id !== row.id) }))}
                  >
                    ×
                  </button>
                  {ICE_KEYS.map((part) => {
                    const key: ErrorKey = `ice.${row.id}.${part}`;
                    const error = message(key);
                    return error === null ? null : (
                      <span key={part} id={`${fieldId(key)}-error`} className="field-error" role="alert">
                        {error}
                      </span>
                    );
                  })}
                </li>
              ))}
            </ul>
          )}
          {draft.iceServers.length < MAX_ICE_SERVERS ? (
            <button type="button" className="btn btn-small sip-ice-add" onClick={() => setDraft((d) => ({ ...d, iceServers: [...d.iceServers, iceRow()] }))}>
              {t('fields.iceAdd')}
            </button>
          ) : null}
        </fieldset>
        {text('targetTemplate', {
          label: t('fields.template'),
          hint: t('fields.templateHint'),
          placeholder: t('fields.templatePlaceholder'),
          wide: true,
          extraDescribedBy: fieldId('preview'),
          after: (
            <div className="sip-preview">
              <span id={`${fieldId('preview')}-label`} className="field-label">
                {t('fields.preview')}
              </span>
              {/* Read with the rule (aria-describedby), not announced on every keystroke. */}
              <output id={fieldId('preview')} aria-labelledby={`${fieldId('preview')}-label`} aria-live="off">
                {preview?.ok ? t('fields.previewValue', { uri: preview.uri }) : <span className="sip-preview-empty">{t('fields.previewNone')}</span>}
              </output>
            </div>
          ),
        })}
        {text('dialPrefix', { label: t('fields.dialPrefix'), hint: t('fields.dialPrefixHint'), placeholder: '9' })}
        <fieldset className="sip-subfieldset">
          <legend className="field-label">{t('fields.dtmf')}</legend>
          {(['rtp', 'info'] as const).map((mode) => (
            <label key={mode} className="radio-row">
              <input type="radio" name={`${id}-dtmf`} value={mode} checked={draft.dtmf === mode} onChange={() => setDraft((d) => ({ ...d, dtmf: mode }))} />
              {t(mode === 'rtp' ? 'fields.dtmfRtp' : 'fields.dtmfInfo')}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="sip-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('account.saving') : t('account.save')}
        </button>
        <StatusLine status={status} keeps={saved !== null} />
      </div>
    </form>
  );
}

function StatusLine({ status, keeps }: { readonly status: Status; readonly keeps: boolean }) {
  const { t } = useTranslation('sipSettings');
  if (status === null) return null;
  const text =
    status.kind === 'refused'
      ? t(keeps ? 'account.refusedKeeps' : 'account.refused')
      : status.kind === 'failed'
        ? t('account.failed', { message: status.message })
        : t('fields.passwordForgotten');
  return (
    <p className={status.kind === 'forgotten' ? 'sip-form-status' : 'sip-form-status is-error'} role="status">
      {text}
    </p>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error: string | null;
  readonly wide?: boolean;
  readonly after?: ReactNode;
  /** Renders the control, given the ids that describe it (the error first, then the hint). */
  readonly children: (describedBy: string | undefined) => ReactNode;
}

function Field({ id, label, hint, error, wide, after, children }: FieldProps) {
  const described = [error !== null ? `${id}-error` : null, hint !== undefined ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={wide ? 'field sip-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(described)}
      {error !== null ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      {hint !== undefined ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {after}
    </div>
  );
}
