import type { SipSecretStore } from '../../../platform/platform';
import { AudioDeviceSettings } from './AudioDeviceSettings';
import { SipAccountForm } from './SipAccountForm';

interface SoftphoneSettingsProps {
  readonly sipSecret: SipSecretStore;
  /** An account was stored. */
  readonly onAccountSaved: () => void;
  readonly onPasswordForgotten: () => void;
}

/** The built-in softphone's part of Settings: the SIP account, then the microphone and speaker. */
export function SoftphoneSettings({ sipSecret, onAccountSaved, onPasswordForgotten }: SoftphoneSettingsProps) {
  return (
    <>
      <SipAccountForm sipSecret={sipSecret} onSaved={onAccountSaved} onPasswordForgotten={onPasswordForgotten} />
      <AudioDeviceSettings />
    </>
  );
}
