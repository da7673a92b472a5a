import { useTranslation } from 'react-i18next';
import type { ApiProblem, FieldProblem } from '../reviewApi';

interface ProblemNoticeProps {
  readonly problem: ApiProblem;
  /** Refused parameters that no field on screen stands for: named here instead. */
  readonly details?: readonly FieldProblem[];
  readonly onRetry: () => void;
}

/** Why the server's answer cannot be shown: no session, not a team lead, or an unexpected answer. */
export function ProblemNotice({ problem, details = [], onRetry }: ProblemNoticeProps) {
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
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path}: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.kind === 'signedOut' || problem.kind === 'forbidden' ? null : (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('problem.retry')}
        </button>
      )}
    </div>
  );
}
