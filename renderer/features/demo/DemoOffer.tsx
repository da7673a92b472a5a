import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { writeSetting } from '../settings/mutations';
import { loadDemoLeads } from './mutations';

interface DemoOfferProps {
  readonly onImport: () => void;
  readonly onLoaded: (count: number) => void;
  /** Teams with a server: their leads arrive by signing in. */
  readonly onSignIn: () => void;
}

/** Shown once on a fresh, empty profile so a newcomer sees a working queue at once. */
export function DemoOffer({ onImport, onLoaded, onSignIn }: DemoOfferProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const dismiss = () => void writeSetting('demoOffered', true);
  return (
    <Dialog
      title={t('demo.offerTitle')}
      closeLabel={t('lead.close')}
      onClose={dismiss}
      footer={
        <>
          <button type="button" className="btn" onClick={dismiss}>
            {t('demo.dismiss')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              void writeSetting('demoOffered', true);
              onSignIn();
            }}
          >
            {t('demo.signIn')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              void writeSetting('demoOffered', true);
              onImport();
            }}
          >
            {t('demo.import')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-autofocus
            disabled={loading}
            onClick={async () => {
              setLoading(true);
              onLoaded(await loadDemoLeads());
            }}
          >
            {loading ? t('demo.loading') : t('demo.load')}
          </button>
        </>
      }
    >
      <p>{t('demo.offerBody')}</p>
    </Dialog>
  );
}
