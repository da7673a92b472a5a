import { useTranslation } from 'react-i18next';
import type { MicProblem } from './devices';
import '../softphoneSettings.css';

/** What stopped the microphone and what the SDR does about it; shown by the settings and the call panel. */
export function MicProblemMessage({ problem }: { readonly problem: MicProblem }) {
  const { t } = useTranslation('sipSettings');
  return (
    <p role="alert" className="field-error mic-problem">
      {t(`micProblem.${problem}`)}
    </p>
  );
}
