import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../../renderer/db';
import { loadPlaybookFile, PlaybookEditor, readPlaybook, type TeamPlaybook } from '../../../renderer/features/playbook';
import { playbookDraftWritten } from '../../../renderer/features/playbook/mutations';
import type { ServerResponse, ServerTransport } from '../../../renderer/platform/server';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { INBOUND_V1, QUALIFY_V1, QUALIFY_V2, fileWith } from './playbookFixtures';

export const TEAM_ID = '0190a0a0-0000-7000-8000-00000000aaaa';
export const PLAYBOOK_PATH = `/api/teams/${TEAM_ID}/playbook`;

type Handler = (body: unknown) => ServerResponse | Error;
export interface Request {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export const answer = (status: number, body: unknown): ServerResponse => ({ status, body, retryAfterSeconds: null });

/** A team server answering from a table of routes (an Error is thrown), recording every request. */
export function fakeServer(routes: Record<string, Handler> = {}) {
  const requests: Request[] = [];
  const server: ServerTransport = {
    fixedServerUrl: null,
    signIn: () => Promise.reject(new Error('not used here')),
    signOut: () => Promise.resolve(),
    request: async (method, path, body) => {
      requests.push({ method, path, body });
      const route = routes[`${method} ${path}`];
      const result = route ? route(body) : answer(404, { error: { code: 'notFound', message: `No route ${method} ${path}` } });
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { server, requests };
}

/** The team's playbook as synced: qualify-en went from v1 to v2, inbound-en is at v1. */
export async function seedTeamPlaybook(): Promise<TeamPlaybook> {
  await loadPlaybookFile(fileWith({ scripts: [QUALIFY_V1] }));
  await loadPlaybookFile(fileWith({ scripts: [QUALIFY_V2, INBOUND_V1] }));
  return readPlaybook();
}

export async function renderEditor(options: { server?: ServerTransport; playbook?: TeamPlaybook; language?: 'en' | 'zh-CN' } = {}) {
  const playbook = options.playbook ?? (await seedTeamPlaybook());
  const server = options.server ?? fakeServer().server;
  const user = userEvent.setup();
  const view = await renderWithI18n(<PlaybookEditor server={server} teamId={TEAM_ID} playbook={playbook} />, options.language);
  return { ...view, user, playbook, server };
}

/** Unmounts first and lets the editor's last draft write land, so it cannot leak into the next test. */
export async function clearDb(): Promise<void> {
  cleanup();
  await playbookDraftWritten();
  await Promise.all(db.tables.map((table) => table.clear()));
}

export async function storedDraftText(): Promise<string | undefined> {
  return (await db.drafts.get('playbook:draft'))?.text;
}

type User = ReturnType<typeof userEvent.setup>;

export const CHANNELS = /Where do your leads come from\?/;
export const publishButton = () => screen.getByRole('button', { name: 'Publish' });

export async function pickScript(user: User, name: RegExp): Promise<void> {
  await user.click(within(await screen.findByRole('navigation', { name: 'Team scripts' })).getByRole('button', { name }));
}

/** Opens a question of the qualify script; returns its fields. */
export async function openQuestion(user: User, name: RegExp): Promise<HTMLElement> {
  await pickScript(user, /Qualify \(English\)/);
  await user.click(screen.getByRole('button', { name }));
  return screen.getByRole('group', { name: /^Question \d+$/ });
}
