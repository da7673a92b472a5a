import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/model/lead';
import type { PhoneRegion } from '../../../../shared/model/phone';
import { fromLeadRow } from '../../../db';
import { useNow } from '../../../app/hooks/useNow';
import { useUiStore } from '../../../state/uiStore';
import { leadById } from '../queries';
import { LeadDetails } from './LeadDetails';
import { LeadForm } from './LeadForm';

interface LeadPanelProps {
  readonly region: PhoneRegion;
  readonly ownerName: string;
  readonly onOpenLink: (url: string) => void;
  readonly onDial: (e164: string) => void;
  readonly tagLabel: (tag: string) => string;
  /** The call, script, qualification and history of the lead shown; composed by the app. */
  readonly renderWorkspace: (lead: Lead, now: number) => React.ReactNode;
  readonly headingRef: React.RefObject<HTMLHeadingElement | null>;
  readonly formRef: React.RefObject<HTMLFormElement | null>;
}

/** The right-hand side: the selected lead, its edit form, or the form for a new lead. */
export function LeadPanel({ region, ownerName, onOpenLink, onDial, tagLabel, renderWorkspace, headingRef, formRef }: LeadPanelProps) {
  const { t } = useTranslation();
  const selectedLeadId = useUiStore((s) => s.selectedLeadId);
  const panel = useUiStore((s) => s.panel);
  const view = useUiStore((s) => s.view);
  const { openPanel, select, showToast } = useUiStore.getState();
  const now = useNow(30_000);
  const row = useLiveQuery(() => (selectedLeadId ? leadById(selectedLeadId) : undefined), [selectedLeadId]);
  const lead = row ? fromLeadRow(row) : null;

  const saved = ({ id }: { id: string }) => {
    select(id);
    showToast(t('lead.saved'));
  };

  if (panel.mode === 'new') {
    return (
      <section className="lead-panel" aria-label={t('lead.new')}>
        <h2 className="panel-title">{t('lead.new')}</h2>
        <LeadForm key="new" lead={null} defaultKind={view} ownerName={ownerName} region={region} onSaved={saved} onCancel={() => openPanel({ mode: 'view' })} formRef={formRef} />
      </section>
    );
  }
  if (!lead) {
    return (
      <section className="lead-panel lead-panel-empty" aria-label={t('lead.details')}>
        <p>{t('lead.notSelected')}</p>
      </section>
    );
  }
  if (panel.mode === 'edit') {
    return (
      <section className="lead-panel" aria-label={t('lead.edit')}>
        <h2 className="panel-title">
          {t('lead.edit')} · {lead.company}
        </h2>
        <LeadForm key={lead.id} lead={lead} defaultKind={lead.kind} ownerName={ownerName} region={region} onSaved={saved} onCancel={() => openPanel({ mode: 'view' })} formRef={formRef} />
      </section>
    );
  }
  return (
    <section className="lead-panel" aria-label={t('lead.details')}>
      <LeadDetails lead={lead} region={region} now={now} onEdit={() => openPanel({ mode: 'edit' })} onOpenLink={onOpenLink} onDial={onDial} tagLabel={tagLabel} headingRef={headingRef} />
      {renderWorkspace(lead, now)}
    </section>
  );
}
