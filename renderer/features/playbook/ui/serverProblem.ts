import type { TFunction } from 'i18next';
import type { ApiProblem } from '../../../platform/serverApi';

/** What to tell the team lead when the team server did not do what was asked. */
export function serverProblemText(problem: ApiProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'unreachable':
      return t('server.unreachable');
    case 'signedOut':
      return t('server.signedOut');
    case 'forbidden':
      return t('server.forbidden');
    case 'refused':
      return t('server.refused', { message: problem.message });
    case 'failed':
      return t('server.failed', { message: problem.message });
  }
}
