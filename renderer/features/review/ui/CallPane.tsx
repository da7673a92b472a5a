import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCallRow } from '../../../../shared/api/review';
import type { ServerTransport } from '../../../platform/server';
import { formatDateTime } from '../../../ui/format';
import type { TeamPlaybook } from '../../playbook';
import { CallReview } from './CallReview';
import { ProblemNotice } from './ProblemNotice';
import { useCallDetail } from './useCallDetail';

interface CallPaneProps {
  readonly server: ServerTransport;
  readonly online: boolean;
  readonly row: ReviewCallRow;
  readonly playbook: TeamPlaybook;
  readonly tagLabel: (tag: string) => string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The opened call: fetched from the server, or this device's copy when the server is out of reach. */
export function CallPane({ server, online, row, playbook, tagLabel, headingRef }: CallPaneProps) {
  const { t, i18n } = useTranslation('review');
  const [attempt, setAttempt] = useState(0);
  const state = useCallDetail(server, row, online, attempt);
  switch (state.state) {
    case 'loading':
      return (
        <p className="muted review-pane-message" role="status">
          {t('call.loading', { company: row.company })}
        </p>
      );
    case 'notCached':
      return (
        <div className="review-pane-message">
          <p className="form-errors" role="alert">
            {t('call.notCached', { company: row.company })}
          </p>
        </div>
      );
    case 'problem':
      return <ProblemNotice problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />;
    case 'ready':
      return (
        <>
          {state.savedAt !== null ? (
            <p className="review-offline-copy" role="status">
              {t('call.fromCache', { time: formatDateTime(state.savedAt, i18n.language) })}
            </p>
          ) : null}
          <CallReview detail={state.detail} playbook={playbook} tagLabel={tagLabel} headingRef={headingRef} />
        </>
      );
  }
}
