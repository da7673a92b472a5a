import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../../platform/serverApi';

interface ReportProblemProps {
  readonly problem: ApiProblem;
  readonly onRetry: () => void;
  readonly onSignIn?: () => void;
}

/** Why there is no report: no server, no session, not a team lead, or an answer we cannot use. */
export function ReportProblem({ problem, onRetry, onSignIn }: ReportProblemProps) {
  const { t } = useTranslation('reports');
  const message =
    problem.kind === 'refused'
      ? t('problem.refused', { message: problem.message })
      : problem.kind === 'failed'
        ? t('problem.failed', { message: problem.message })
        : t(`problem.${problem.kind}`);
  const needsSignIn = problem.kind === 'signedOut' || problem.kind === 'forbidden';
  return (
    <div className="form-errors report-problem" role="alert">
      <p>{message}</p>
      {needsSignIn ? (
        onSignIn ? (
          <button type="button" className="btn btn-primary" onClick={onSignIn}>
            {t('problem.signIn')}
          </button>
        ) : null
      ) : problem.kind !== 'refused' ? (
        <button type="button" className="btn" onClick={onRetry}>
          {t('problem.retry')}
        </button>
      ) : null}
    </div>
  );
}
