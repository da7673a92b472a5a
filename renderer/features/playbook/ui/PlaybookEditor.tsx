import { useTranslation } from 'react-i18next';
import type { ServerTransport } from '../../../platform/server';
import { usePlaybookDraft, type TeamPlaybook } from '../queries';
import { EditorWorkspace } from './EditorWorkspace';
import '../playbookEditor.css';

export interface PlaybookEditorProps {
  readonly server: ServerTransport;
  /** The team whose playbook is published. */
  readonly teamId: string;
  /** The playbook this device has now (usePlaybook()): what a new draft starts from. */
  readonly playbook: TeamPlaybook;
}

/**
 * The team lead's playbook editor: scripts, tags, dispositions, hand-off criteria, routing and
 * scorecard edited as one draft kept on this device, then published to the team in one go.
 */
export function PlaybookEditor(props: PlaybookEditorProps) {
  const { t } = useTranslation('playbookEditor');
  const stored = usePlaybookDraft();
  if (stored === undefined) {
    return (
      <div className="playbook-editor">
        <p className="muted pbe-loading" role="status">
          {t('loading')}
        </p>
      </div>
    );
  }
  // The stored draft seeds the editor once; from then on the editor's state is the truth.
  return <EditorWorkspace {...props} initial={stored} />;
}
