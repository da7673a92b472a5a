import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { ServerUnreachableError, SignInError, type ServerTransport } from '../../platform/server';
import { SignInBlockedError, signIn } from './mutations';

interface SignInDialogProps {
  readonly transport: ServerTransport;
  /** Prefilled from the last account on this device. */
  readonly lastServerUrl: string;
  readonly lastEmail: string;
  readonly onClose: () => void;
  readonly onSignedIn: () => void;
}

/** Server address, e-mail, password. Browser mode talks only to the server that served the page. */
export function SignInDialog({ transport, lastServerUrl, lastEmail, onClose, onSignedIn }: SignInDialogProps) {
  const { t } = useTranslation();
  const fixed = transport.fixedServerUrl;
  const [serverUrl, setServerUrl] = useState(fixed ?? lastServerUrl);
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const url = (fixed ?? serverUrl).trim().replace(/\/+$/, '');
    if (!fixed && !/^https?:\/\/[^\s/]+$/.test(url)) {
      setError(t('account.errors.url.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(transport, url, email.trim(), password);
      onSignedIn();
    } catch (err) {
      if (err instanceof SignInBlockedError) setError(t('account.errors.blocked', { count: err.unsent, name: err.otherUser }));
      else if (err instanceof SignInError) setError(t(`account.errors.${err.code}`));
      else if (err instanceof ServerUnreachableError) setError(t('account.errors.unreachable'));
      else setError(t('account.errors.server.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('account.signInTitle')} closeLabel={t('account.cancel')} onClose={onClose}>
      <form className="signin-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{t('account.signInHint')}</p>
        <div className="field">
          <label htmlFor="signin-server">{t('account.server')}</label>
          <input
            id="signin-server"
            className="input"
            type="url"
            inputMode="url"
            autoComplete="url"
            value={fixed ?? serverUrl}
            readOnly={fixed !== null}
            aria-describedby={fixed ? 'signin-server-hint' : undefined}
            placeholder="https://sdr.example.com"
            onChange={(e) => setServerUrl(e.target.value)}
          />
          {fixed ? (
            <span id="signin-server-hint" className="field-hint">
              {t('account.serverFixed')}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="signin-email">{t('account.email')}</label>
          <input id="signin-email" className="input" type="email" autoComplete="username" required value={email} data-autofocus={lastEmail === '' ? true : undefined} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="signin-password">{t('account.password')}</label>
          <input id="signin-password" className="input" type="password" autoComplete="current-password" required value={password} data-autofocus={lastEmail !== '' ? true : undefined} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('account.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || email.trim() === '' || password === ''}>
            {busy ? t('account.signingIn') : t('account.signIn')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
