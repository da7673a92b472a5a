export { CallPanel, type CallActions } from './ui/CallPanel';
export { openCall, callsForLead } from './queries';
export { createDialer, logOnlyDialer, DialError, type Dialer, type DialProgress } from './dialers';
export { useCallbackReminders } from './useCallbackReminders';
export { startCall, startInboundCall, callProgress, logTouch, markConnected, endCall, saveAnswers, wrapUpCall } from './mutations';
