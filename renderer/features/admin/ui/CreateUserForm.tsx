import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/model/account';
import type { ServerTransport } from '../../../platform/server';
import { createUser, type ApiProblem, type TeamSummary, type UserSummary } from '../adminApi';
import { fieldMessage, problemsByField, type Message } from '../fieldErrors';

/** The form's fields in the order they appear: the first one with a problem gets the focus. */
const FIELDS = ['email', 'name', 'role', 'teamId', 'password'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Exclude<Field, 'role'>, string> & { role: Role };

const EMPTY: Values = { email: '', name: '', role: 'sdr', teamId: '', password: '' };

interface CreateUserFormProps {
  readonly server: ServerTransport;
  readonly teams: readonly TeamSummary[];
  readonly onCreated: (user: UserSummary) => void;
  readonly onProblem: (problem: ApiProblem | null) => void;
}

/** New accounts. The server judges every field; what it refuses is shown beside the field. */
export function CreateUserForm({ server, teams, onCreated, onProblem }: CreateUserFormProps) {
  const { t } = useTranslation('admin');
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, Message>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const isAdmin = values.role === 'admin';

  const focusField = (field: Field) => {
    const element = formRef.current?.elements.namedItem(field);
    if (element instanceof HTMLElement) element.focus();
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async () => {
    setBusy(true);
    setNotice(null);
    const body = { email: values.email.trim(), name: values.name.trim(), role: values.role, teamId: isAdmin || values.teamId === '' ? null : values.teamId, password: values.password };
    const result = await createUser(server, body);
    setBusy(false);
    if (result.ok) {
      onProblem(null);
      setErrors({});
      setFormError(null);
      // Role and team stay: people are often added several to a team.
      setValues((v) => ({ ...EMPTY, role: v.role, teamId: v.teamId }));
      setNotice(t('newUser.created', { email: result.value.email }));
      onCreated(result.value);
      focusField('email');
      return;
    }
    const { problem } = result;
    if (problem.kind !== 'refused') return onProblem(problem);
    const byField = problemsByField(problem.fields);
    const next: Partial<Record<Field, Message>> = {};
    for (const field of FIELDS) {
      const found = byField.get(field);
      if (found) next[field] = fieldMessage(found, field === 'role' ? values.role : values[field]);
    }
    if (problem.code === 'user.exists') next.email = { key: 'fieldErrors.userExists' };
    setErrors(next);
    const first = FIELDS.find((field) => next[field]);
    setFormError(first ? null : t('problem.failed', { message: problem.message }));
    if (first) focusField(first);
  };

  const count = Object.keys(errors).length;
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `admin-user-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: Field) => {
    const message = errors[field];
    return message ? (
      <span id={`admin-user-${field}-error`} className="field-error">
        {t(message.key, message.values)}
      </span>
    ) : null;
  };
  const bind = (field: Field) => ({
    id: `admin-user-${field}`,
    name: field,
    'aria-invalid': errors[field] ? true : undefined,
  });

  return (
    <section className="card" aria-labelledby="admin-new-user-title">
      <h2 id="admin-new-user-title" className="card-title">
        {t('newUser.title')}
      </h2>
      <form
        ref={formRef}
        aria-labelledby="admin-new-user-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        {count > 0 ? <p className="form-errors">{t('newUser.fixFields', { count })}</p> : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="admin-user-email">{t('newUser.email')}</label>
            <input {...bind('email')} className="input" type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} aria-describedby={describedBy('email')} />
            {errorOf('email')}
          </div>
          <div className="field">
            <label htmlFor="admin-user-name">{t('newUser.name')}</label>
            <input {...bind('name')} className="input" autoComplete="off" maxLength={80} value={values.name} onChange={(e) => set('name', e.target.value)} aria-describedby={describedBy('name')} />
            {errorOf('name')}
          </div>
          <div className="field">
            <label htmlFor="admin-user-role">{t('newUser.role')}</label>
            <select {...bind('role')} className="select" value={values.role} onChange={(e) => set('role', e.target.value as Role)} aria-describedby={describedBy('role')}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
            {errorOf('role')}
          </div>
          <div className="field">
            <label htmlFor="admin-user-teamId">{t('newUser.team')}</label>
            <select
              {...bind('teamId')}
              className="select"
              value={isAdmin ? '' : values.teamId}
              disabled={isAdmin}
              onChange={(e) => set('teamId', e.target.value)}
              aria-describedby={describedBy('teamId', isAdmin ? 'admin-user-teamId-hint' : undefined)}
            >
              <option value="">{t('newUser.chooseTeam')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
            {isAdmin ? (
              <span id="admin-user-teamId-hint" className="field-hint">
                {t('newUser.adminNoTeam')}
              </span>
            ) : null}
            {errorOf('teamId')}
          </div>
          <div className="field">
            <label htmlFor="admin-user-password">{t('newUser.password')}</label>
            <input
              {...bind('password')}
              className="input"
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
              aria-describedby={describedBy('password', 'admin-user-password-hint')}
            />
            <span id="admin-user-password-hint" className="field-hint">
              {t('newUser.passwordHint')}
            </span>
            {errorOf('password')}
          </div>
        </div>
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="row-actions" style={{ marginTop: 12 }}>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('newUser.create')}
          </button>
          {notice ? (
            <span className="field-hint" role="status">
              {notice}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
