import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS } from '../../shared/playbook/scripts';
import { DIALECTS } from '../helpers/serverDb';
import { RawClient, startTeamServer, type Account, type TeamServer } from '../helpers/teamServer';

const servers: TeamServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const script = structuredClone(DEFAULT_SCRIPTS[0]!);
const file = (s: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ scripts: [s], ...extra });

async function world(make: (typeof DIALECTS)[number][1]) {
  const server = await startTeamServer(make);
  servers.push(server);
  const teamId = await server.team('华东一组');
  const lead = await server.user('lead', teamId, '王经理');
  const sdr = await server.user('sdr', teamId, '李雷');
  const send = async (who: Account, method: 'GET' | 'PUT' | 'POST', path: string, payload?: Record<string, unknown>) => {
    const res = await server.app.inject({ method, url: `/api/teams/${teamId}/playbook${path}`, headers: { authorization: `Bearer ${who.token}` }, ...(payload === undefined ? {} : { payload }) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const publishedText = async (who: Account) => {
    const changes = await new RawClient(server, who).pullAll();
    return (changes.filter((c) => c.kind === 'playbook').at(-1)?.data as { text: string; version: number } | undefined) ?? null;
  };
  return { server, teamId, lead, sdr, send, publishedText };
}

describe.each(DIALECTS)('playbook versions on %s', (_name, make) => {
  it('publishes numbered versions with notes, lists them newest first, and sends the newest to the team', async () => {
    const { lead, sdr, send, publishedText } = await world(make);
    expect(await send(lead, 'PUT', '', { text: file(script), note: '初版' })).toMatchObject({ status: 200, body: { version: 1 } });
    const changed = { ...script, version: script.version + 1, name: 'Inbound discovery (v2)' };
    expect(await send(lead, 'PUT', '', { text: file(changed), note: 'Renamed' })).toMatchObject({ status: 200, body: { version: 2 } });
    const list = await send(lead, 'GET', '/versions');
    expect(list.body).toMatchObject({
      current: 2,
      versions: [
        { version: 2, by: '王经理', note: 'Renamed', restoredFrom: null, scripts: [{ id: script.id, version: script.version + 1 }] },
        { version: 1, note: '初版', scripts: [{ id: script.id, version: script.version }] },
      ],
    });
    expect((await send(lead, 'GET', '/versions/1')).body).toMatchObject({ version: 1, text: file(script) });
    expect(await publishedText(sdr)).toMatchObject({ version: 2, text: file(changed) });
  });

  it('refuses a changed script that keeps its published version, and a branch cycle, publishing nothing', async () => {
    const { lead, send, publishedText } = await world(make);
    await send(lead, 'PUT', '', { text: file(script) });
    const sneaky = { ...script, name: 'Same version, other questions' };
    const refused = await send(lead, 'PUT', '', { text: file(sneaky) });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'playbook.invalid', fields: [{ path: 'scripts[0].version', message: expect.stringContaining('raise the version') }] } } });
    const q = script.sections[0]!.questions;
    const cyclic: { version: number; sections: { questions: object[] }[] } = structuredClone(script) as never;
    const [a, b] = [cyclic.sections[0]!.questions[0]!, cyclic.sections[0]!.questions[1]!];
    Object.assign(a, { showIf: { question: q[1]!.id, op: 'answered' } });
    Object.assign(b, { showIf: { question: q[0]!.id, op: 'answered' } });
    cyclic.version += 1;
    const cycle = await send(lead, 'PUT', '', { text: file(cyclic) });
    expect(cycle.status).toBe(400);
    expect(JSON.stringify(cycle.body)).toMatch(/cycle/);
    expect(await send(lead, 'PUT', '', { text: '{"scripts": [' })).toMatchObject({ status: 400, body: { error: { code: 'playbook.invalid' } } });
    expect(await send(lead, 'PUT', '', { text: file(script, { dispositions: [] }) })).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'dispositions' }] } } });
    expect((await send(lead, 'GET', '/versions')).body).toMatchObject({ current: 1, versions: [{ version: 1 }] });
    expect((await publishedText(lead))?.version).toBe(1);
  });

  it('restores an older version as a new one whose scripts rank above every published version', async () => {
    const { lead, sdr, send, publishedText } = await world(make);
    await send(lead, 'PUT', '', { text: file(script) });
    const v2 = { ...script, version: script.version + 1, name: 'v2' };
    await send(lead, 'PUT', '', { text: file(v2) });
    const restored = await send(lead, 'POST', '/versions/1/restore', { note: 'v2 did not work' });
    expect(restored).toMatchObject({ status: 200, body: { version: 3 } });
    const list = await send(lead, 'GET', '/versions');
    expect((list.body['versions'] as unknown[])[0]).toMatchObject({ version: 3, restoredFrom: 1, note: 'v2 did not work', scripts: [{ id: script.id, version: script.version + 2 }] });
    const text = (await publishedText(sdr))!.text;
    const scripts = (JSON.parse(text) as { scripts: { name: string; version: number }[] }).scripts;
    expect(scripts[0]).toMatchObject({ version: script.version + 2, name: script.name });
    expect((await send(lead, 'POST', '/versions/99/restore', {})).status).toBe(404);
    expect((await send(lead, 'GET', '/versions/abc')).status).toBe(404);
    expect((await send(sdr, 'POST', '/versions/1/restore', {})).status).toBe(403);
  });
});
