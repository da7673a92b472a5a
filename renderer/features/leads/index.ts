export { LeadQueue, type QueueApi } from './ui/LeadQueue';
export { LeadPanel } from './ui/LeadPanel';
export { createLead, updateLead, updateLeadPatch } from './mutations';
export { hasLeads } from './queries';
