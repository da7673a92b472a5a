import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../adminApi';

interface ProblemBannerProps {
  readonly problem: ApiProblem;
  readonly onRetry: () => void;
  readonly onSignIn?: () => void;
}

/** What stops the whole screen: no server, no session, not an admin, or an unexpected answer. */
export function ProblemBanner({ problem, onRetry, onSignIn }: ProblemBannerProps) {
  const { t } = useTranslation('admin');
  const message =
    problem.kind === 'unreachable'
      ? t('problem.unreachable')
      : problem.kind === 'signedOut'
        ? t('problem.signedOut')
        : problem.kind === 'forbidden'
          ? t('problem.forbidden')
          : t('problem.failed', { message: problem.message });
  return (
    <div className="form-errors admin-problem" role="alert">
      <p>{message}</p>
      <div className="row-actions">
        {problem.kind === 'signedOut' || problem.kind === 'forbidden' ? (
          onSignIn ? (
            <button type="button" className="btn btn-primary" onClick={onSignIn}>
              {t('problem.signIn')}
            </button>
          ) : null
        ) : (
          <button type="button" className="btn" onClick={onRetry}>
            {t('problem.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
