export { QualificationPanel } from './ui/QualificationPanel';
export { ReasonDialog } from './ui/ReasonDialog';
export { handoffsForLead } from './queries';
export { handOff, recallHandoff, moveLead, TransitionRefused } from './mutations';
