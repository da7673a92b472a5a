export { useSoftphoneService } from './useSoftphoneService';
export { useSoftphoneStore } from './state';
export { sipDialer } from './sipDialer';
export { softphoneStrings } from './strings';
export { SoftphoneStatus } from './ui/SoftphoneStatus';
export { IncomingCallPopup, useIncomingCallActions } from './ui/IncomingCallPopup';
export { SoftphoneCallExtras, SoftphoneIdleNotice } from './ui/SoftphoneCallExtras';
export { SoftphoneSettings } from './ui/SoftphoneSettings';
