export { CallPanel, type CallActions } from './ui/CallPanel';
export { openCall, callsForLead } from './queries';
export { createDialer, type Dialer } from './dialers';
export { useCallbackReminders } from './useCallbackReminders';
export { startCall, logTouch, markConnected, endCall, saveAnswers, wrapUpCall } from './mutations';
