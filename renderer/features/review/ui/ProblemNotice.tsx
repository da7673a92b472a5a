import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../reviewApi';

interface ProblemNoticeProps {
  readonly problem: ApiProblem;
  readonly onRetry: () => void;
}

/** Why the server's answer cannot be shown: no session, not a team lead, or an unexpected answer. */
export function ProblemNotice({ problem, onRetry }: ProblemNoticeProps) {
  const { t } = useTranslation('review');
  const message =
    problem.kind === 'unreachable'
      ? t('problem.unreachable')
      : problem.kind === 'signedOut'
        ? t('problem.signedOut')
        : problem.kind === 'forbidden'
          ? t('problem.forbidden')
          : t('problem.failed', { message: problem.message });
  return (
    <div className="form-errors review-problem" role="alert">
      <p>{message}</p>
      {problem.kind === 'signedOut' || problem.kind === 'forbidden' ? null : (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('problem.retry')}
        </button>
      )}
    </div>
  );
}
