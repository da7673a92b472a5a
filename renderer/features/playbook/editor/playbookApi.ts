import { PlaybookVersionDetailSchema, PlaybookVersionListSchema, PublishedSchema } from '../../../../shared/api/playbook';
import type { ServerTransport } from '../../../platform/server';
import { call } from '../../../platform/serverApi';

/** The team playbook's endpoints on the team server (team lead of the team, or an admin). */

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/playbook` as const;

export const publishPlaybook = (server: ServerTransport, teamId: string, text: string, note: string) =>
  call(server, 'PUT', base(teamId), note.trim() === '' ? { text } : { text, note: note.trim() }, PublishedSchema);

export const listPlaybookVersions = (server: ServerTransport, teamId: string) => call(server, 'GET', `${base(teamId)}/versions`, undefined, PlaybookVersionListSchema);

export const getPlaybookVersion = (server: ServerTransport, teamId: string, version: number) =>
  call(server, 'GET', `${base(teamId)}/versions/${version}`, undefined, PlaybookVersionDetailSchema);

export const restorePlaybookVersion = (server: ServerTransport, teamId: string, version: number, note: string) =>
  call(server, 'POST', `${base(teamId)}/versions/${version}/restore`, note.trim() === '' ? {} : { note: note.trim() }, PublishedSchema);
