import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A phone keypad that types into the number field. */
export function DialPad({ onKey }: { readonly onKey: (key: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialpad" role="group" aria-label={t('call.keypad')}>
      {KEYS.map((key) => (
        <button key={key} type="button" className="dialpad-key" onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button type="button" className="dialpad-key dialpad-plus" onClick={() => onKey('+')}>
        +
      </button>
    </div>
  );
}
