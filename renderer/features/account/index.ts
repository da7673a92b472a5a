export { SyncIndicator } from './SyncIndicator';
export { SyncPanel } from './SyncPanel';
export { SignInDialog } from './SignInDialog';
export { useSyncOverview, type SyncOverview } from './queries';
