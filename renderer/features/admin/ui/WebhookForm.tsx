import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import { setCrmWebhook, type ApiProblem, type TeamSummary } from '../adminApi';
import { fieldMessage, problemsByField, type Message } from '../fieldErrors';

interface WebhookFormProps {
  readonly server: ServerTransport;
  readonly team: TeamSummary;
  readonly onChanged: (team: TeamSummary) => void;
  readonly onProblem: (problem: ApiProblem | null) => void;
}

/**
 * The team's CRM webhook. The server answers a new URL with a new signing secret, shown here once:
 * it lives only in this component's state and is gone when the admin confirms, closes the team or
 * leaves the screen. The server never hands it out again.
 */
export function WebhookForm({ server, team, onChanged, onProblem }: WebhookFormProps) {
  const { t } = useTranslation('admin');
  const [url, setUrl] = useState(team.crmWebhookUrl ?? '');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  const save = async (next: string | null) => {
    setBusy(true);
    setNotice(null);
    setSecret(null);
    setCopy('idle');
    const result = await setCrmWebhook(server, team.id, next);
    setBusy(false);
    if (result.ok) {
      onProblem(null);
      setError(null);
      setUrl(result.value.url ?? '');
      setSecret(result.value.secret);
      setNotice(result.value.url === null ? t('team.webhookOff') : t('team.webhookSaved'));
      onChanged({ ...team, crmWebhookUrl: result.value.url });
      return;
    }
    const { problem } = result;
    if (problem.kind !== 'refused') return onProblem(problem);
    const field = problemsByField(problem.fields).get('url');
    setError(field ? fieldMessage(field, url) : problem.code === 'team.notFound' ? { key: 'team.notFound' } : { key: 'fieldErrors.other', values: { message: problem.message } });
    inputRef.current?.focus();
  };

  const copySecret = (value: string) => {
    secretRef.current?.select();
    if (!navigator.clipboard) {
      setCopy('failed');
      return;
    }
    navigator.clipboard.writeText(value).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <form
      aria-labelledby="admin-webhook-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save(url.trim() === '' ? null : url.trim());
      }}
    >
      <h3 id="admin-webhook-title" className="card-title">
        {t('team.webhookTitle')}
      </h3>
      <p className="field-hint">{t('team.webhookHelp')}</p>
      <p className="muted">{team.crmWebhookUrl ? t('team.webhookCurrent', { url: team.crmWebhookUrl }) : t('team.webhookNone')}</p>
      <div className="field">
        <label htmlFor="admin-webhook-url">{t('team.webhookUrl')}</label>
        <input
          ref={inputRef}
          id="admin-webhook-url"
          className="input"
          type="url"
          inputMode="url"
          placeholder="https://crm.example.com/hooks/sdr-desk"
          value={url}
          maxLength={2000}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'admin-webhook-url-error' : undefined}
        />
        {error ? (
          <span id="admin-webhook-url-error" className="field-error">
            {t(error.key, error.values)}
          </span>
        ) : null}
      </div>
      <div className="row-actions" style={{ marginTop: 8 }}>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('team.saveWebhook')}
        </button>
        {team.crmWebhookUrl ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            {t('team.turnOff')}
          </button>
        ) : null}
        {notice ? (
          <span className="field-hint" role="status">
            {notice}
          </span>
        ) : null}
      </div>
      {secret ? (
        <div className="field handoff-status" style={{ marginTop: 10 }}>
          <label htmlFor="admin-webhook-secret">{t('team.secret')}</label>
          <div className="row-actions">
            <input
              ref={secretRef}
              id="admin-webhook-secret"
              className="input"
              readOnly
              value={secret}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby="admin-webhook-secret-note"
            />
            <button type="button" className="btn" onClick={() => copySecret(secret)}>
              {t('team.copy')}
            </button>
          </div>
          <p id="admin-webhook-secret-note" className="field-hint">
            {t('team.secretNote')}
          </p>
          {copy !== 'idle' ? (
            <p className={copy === 'copied' ? 'field-hint' : 'field-error'} role="status">
              {copy === 'copied' ? t('team.copied') : t('team.copyFailed')}
            </p>
          ) : null}
          <div className="row-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setSecret(null);
                setCopy('idle');
              }}
            >
              {t('team.secretDone')}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
