export { LeadWorkspace, type WorkspaceApi } from './ui/LeadWorkspace';
