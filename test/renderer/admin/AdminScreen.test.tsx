import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AdminScreen } from '../../../renderer/features/admin';
import { ServerUnreachableError, type ServerResponse, type ServerTransport } from '../../../renderer/platform/server';
import { renderWithI18n } from '../../helpers/renderWithI18n';

const EAST = { id: '0190a0a0-0000-7000-8000-000000000001', name: 'East China', crmWebhookUrl: null };
const WEST = { id: '0190a0a0-0000-7000-8000-000000000002', name: 'West China', crmWebhookUrl: 'https://crm.example.com/hooks/west' };
const USERS = [
  { id: 'u1', email: 'admin@example.cn', name: 'Admin', role: 'admin', teamId: null, disabled: false },
  { id: 'u2', email: 'li.lei@example.cn', name: '李雷', role: 'sdr', teamId: EAST.id, disabled: false },
  { id: 'u3', email: 'old@example.cn', name: 'Former rep', role: 'sales', teamId: WEST.id, disabled: true },
];

type Handler = (body: unknown) => ServerResponse;
interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

const answer = (status: number, body: unknown): ServerResponse => ({ status, body, retryAfterSeconds: null });
const refusal = (status: number, code: string, message: string, fields?: { path: string; message: string }[]) => answer(status, { error: { code, message, ...(fields ? { fields } : {}) } });

/** A team server that answers from a table of routes and records every request. */
function fakeServer(overrides: Record<string, Handler> = {}) {
  const calls: Call[] = [];
  const routes: Record<string, Handler> = {
    'GET /api/admin/teams': () => answer(200, [EAST, WEST]),
    'GET /api/admin/users': () => answer(200, USERS),
    ...overrides,
  };
  const server: ServerTransport = {
    fixedServerUrl: null,
    signIn: () => Promise.reject(new Error('not used here')),
    signOut: () => Promise.resolve(),
    request: async (method, path, body) => {
      calls.push({ method, path, body });
      const route = routes[`${method} ${path}`];
      return route ? route(body) : refusal(404, 'notFound', `No route ${method} ${path}`);
    },
  };
  return { server, calls, routes };
}

async function renderAdmin(fake = fakeServer(), language: 'en' | 'zh-CN' = 'en') {
  const view = await renderWithI18n(<AdminScreen server={fake.server} />, language);
  return { ...view, ...fake, user: userEvent.setup() };
}

const teamsCard = () => screen.getByRole('region', { name: 'Teams' });
const newUserForm = () => screen.getByRole('form', { name: 'New user' });

describe('AdminScreen lists', () => {
  it('lists teams with their webhooks and users with role, team and status', async () => {
    await renderAdmin();

    const teams = await screen.findByRole('table', { name: 'Teams and their CRM webhooks' });
    const east = within(teams).getByRole('row', { name: /East China/ });
    expect(east).toHaveTextContent('Off');
    expect(east).toHaveTextContent('1');
    expect(within(teams).getByRole('row', { name: /West China/ })).toHaveTextContent('https://crm.example.com/hooks/west');

    const users = screen.getByRole('table', { name: 'Everyone who can sign in' });
    expect(within(users).getByRole('row', { name: /li.lei@example.cn/ })).toHaveTextContent('SDR');
    expect(within(users).getByRole('row', { name: /li.lei@example.cn/ })).toHaveTextContent('East China');
    expect(within(users).getByRole('row', { name: /admin@example.cn/ })).toHaveTextContent('Administrator');
    expect(within(users).getByRole('row', { name: /old@example.cn/ })).toHaveTextContent('Disabled');
  });

  it('creates a team and adds it to the list', async () => {
    const { user, calls } = await renderAdmin(
      fakeServer({ 'POST /api/admin/teams': (body) => answer(201, { id: '0190a0a0-0000-7000-8000-000000000003', name: (body as { name: string }).name }) }),
    );
    await screen.findByRole('table', { name: 'Teams and their CRM webhooks' });

    await user.type(within(teamsCard()).getByRole('textbox', { name: 'Team name' }), 'North China');
    await user.click(within(teamsCard()).getByRole('button', { name: 'Create team' }));

    expect(await within(teamsCard()).findByRole('row', { name: /North China/ })).toBeInTheDocument();
    expect(calls.at(-1)).toEqual({ method: 'POST', path: '/api/admin/teams', body: { name: 'North China' } });
    expect(within(teamsCard()).getByRole('status')).toHaveTextContent('Team “North China” created.');
    expect(within(teamsCard()).getByRole('textbox', { name: 'Team name' })).toHaveValue('');
  });
});

describe('AdminScreen new user', () => {
  it('shows the server’s field errors beside the field and focuses the first bad one', async () => {
    const { user, calls } = await renderAdmin(
      fakeServer({ 'POST /api/admin/users': () => refusal(400, 'invalid', 'Invalid request: password: password.tooShort', [{ path: 'password', message: 'password.tooShort' }]) }),
    );
    await screen.findByRole('table', { name: 'Everyone who can sign in' });
    const form = newUserForm();

    await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), 'wang.qiang@example.cn');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), '王强');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Sales');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Team' }), 'East China');
    const password = within(form).getByLabelText('Initial password');
    await user.type(password, 'short');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining('At least 10 characters.'));
    expect(password).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'E-mail' })).not.toHaveAttribute('aria-invalid');
    expect(form).toHaveTextContent('1 field needs attention.');
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/api/admin/users',
      body: { email: 'wang.qiang@example.cn', name: '王强', role: 'sales', teamId: EAST.id, password: 'short' },
    });
  });

  it('focuses the first of several bad fields and names an e-mail already taken', async () => {
    const fake = fakeServer({
      'POST /api/admin/users': () =>
        refusal(400, 'invalid', 'Invalid request', [
          { path: 'password', message: 'password.tooShort' },
          { path: 'email', message: 'email.invalid' },
        ]),
    });
    const { user } = await renderAdmin(fake);
    await screen.findByRole('table', { name: 'Everyone who can sign in' });
    const form = newUserForm();
    const email = within(form).getByRole('textbox', { name: 'E-mail' });

    await user.type(email, 'not-an-address');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Not a valid e-mail address.');
    expect(within(form).getByLabelText('Initial password')).toHaveAttribute('aria-invalid', 'true');

    fake.routes['POST /api/admin/users'] = () => refusal(409, 'user.exists', 'A user with the e-mail li.lei@example.cn exists.');
    await user.clear(email);
    await user.type(email, 'li.lei@example.cn');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('A user with this e-mail already exists.'));
    expect(within(form).getByLabelText('Initial password')).not.toHaveAttribute('aria-invalid');
  });

  it('creates an admin with no team, and lists the new user', async () => {
    const { user, calls } = await renderAdmin(
      fakeServer({ 'POST /api/admin/users': (body) => answer(201, { id: 'u9', ...(body as object), password: undefined }) }),
    );
    await screen.findByRole('table', { name: 'Everyone who can sign in' });
    const form = newUserForm();

    await user.type(within(form).getByRole('textbox', { name: 'E-mail' }), 'ops@example.cn');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ops');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Administrator');
    expect(within(form).getByRole('combobox', { name: 'Team' })).toBeDisabled();
    await user.type(within(form).getByLabelText('Initial password'), 'a long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('User ops@example.cn created.');
    expect(calls.at(-1)?.body).toEqual({ email: 'ops@example.cn', name: 'Ops', role: 'admin', teamId: null, password: 'a long enough password' });
    expect(within(screen.getByRole('table', { name: 'Everyone who can sign in' })).getByRole('row', { name: /ops@example.cn/ })).toBeInTheDocument();
    expect(within(form).getByLabelText('Initial password')).toHaveValue('');
  });
});

describe('AdminScreen team settings', () => {
  it('shows a new webhook secret once, in a read-only field, and never again', async () => {
    const SECRET = 'whsec_4f9a1c0d2b7e';
    const { user, calls } = await renderAdmin(
      fakeServer({ [`PUT /api/teams/${EAST.id}/crm-webhook`]: (body) => answer(200, { url: (body as { url: string }).url, secret: SECRET }) }),
    );
    await user.click(await screen.findByRole('button', { name: 'Manage team East China' }));
    const team = screen.getByRole('region', { name: 'Team “East China”' });

    await user.type(within(team).getByRole('textbox', { name: 'Webhook URL' }), 'https://crm.example.com/hooks/east');
    await user.click(within(team).getByRole('button', { name: 'Save webhook' }));

    const secret = await within(team).findByRole('textbox', { name: 'Signing secret' });
    expect(secret).toHaveValue(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(secret).toHaveAccessibleDescription(expect.stringContaining('It will not be shown again'));
    expect(calls.at(-1)).toEqual({ method: 'PUT', path: `/api/teams/${EAST.id}/crm-webhook`, body: { url: 'https://crm.example.com/hooks/east' } });
    expect(within(teamsCard()).getByRole('row', { name: /East China/ })).toHaveTextContent('https://crm.example.com/hooks/east');

    await user.click(within(team).getByRole('button', { name: 'Copy' }));
    expect(await within(team).findByText('Copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    await user.click(within(team).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();

    // Closing and opening the team again does not bring it back.
    await user.click(within(team).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Manage team East China' }));
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('turns a webhook off, and shows a refused URL beside the field', async () => {
    const fake = fakeServer({
      [`PUT /api/teams/${WEST.id}/crm-webhook`]: () => refusal(400, 'invalid', 'Invalid request: url: url.httpsRequired', [{ path: 'url', message: 'url.httpsRequired' }]),
    });
    const { user, calls } = await renderAdmin(fake);
    await user.click(await screen.findByRole('button', { name: 'Manage team West China' }));
    const team = screen.getByRole('region', { name: 'Team “West China”' });
    const url = within(team).getByRole('textbox', { name: 'Webhook URL' });
    expect(url).toHaveValue('https://crm.example.com/hooks/west');

    await user.clear(url);
    await user.type(url, 'http://crm.example.com/hook');
    await user.click(within(team).getByRole('button', { name: 'Save webhook' }));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription('Use an https:// address (http:// only for localhost).');
    expect(url).toHaveFocus();

    fake.routes[`PUT /api/teams/${WEST.id}/crm-webhook`] = () => answer(200, { url: null, secret: null });
    await user.click(within(team).getByRole('button', { name: 'Turn webhook off' }));
    expect(await within(team).findByText('Webhook turned off.')).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ url: null });
    expect(within(team).queryByRole('textbox', { name: 'Signing secret' })).not.toBeInTheDocument();
    expect(within(teamsCard()).getByRole('row', { name: /West China/ })).toHaveTextContent('Off');
  });

  it('publishes a playbook file and lists each bad path the server names', async () => {
    const fake = fakeServer({
      [`PUT /api/teams/${EAST.id}/playbook`]: () =>
        refusal(400, 'playbook.invalid', 'The playbook was not published', [
          { path: 'routing.rules[0].owner', message: 'Required' },
          { path: 'scripts[1].sections[0].questions[2].options', message: 'a single-choice question needs at least 2 options' },
        ]),
    });
    const { user, calls } = await renderAdmin(fake);
    await user.click(await screen.findByRole('button', { name: 'Manage team East China' }));
    const team = screen.getByRole('region', { name: 'Team “East China”' });
    const publish = within(team).getByRole('button', { name: 'Publish playbook' });
    expect(publish).toBeDisabled();

    const text = JSON.stringify({ routing: { rules: [{}] } });
    await user.upload(within(team).getByLabelText('Playbook file (JSON)'), new File([text], 'playbook.json', { type: 'application/json' }));
    await waitFor(() => expect(publish).toBeEnabled());
    await user.click(publish);

    const errors = await within(team).findByRole('alert');
    expect(errors).toHaveTextContent('The playbook was not published.');
    expect(within(errors).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'routing.rules[0].owner: Required',
      'scripts[1].sections[0].questions[2].options: a single-choice question needs at least 2 options',
    ]);
    expect(calls.at(-1)).toEqual({ method: 'PUT', path: `/api/teams/${EAST.id}/playbook`, body: { text } });

    fake.routes[`PUT /api/teams/${EAST.id}/playbook`] = () => answer(200, { publishedAt: 1_750_000_000_000, version: 42 });
    await user.click(publish);
    expect(await within(team).findByText(/Published .* \(version 42\)\./)).toBeInTheDocument();
    expect(within(team).queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('AdminScreen without a server or a session', () => {
  it('says the server cannot be reached and retries', async () => {
    let reachable = false;
    const fake = fakeServer();
    const listTeams = fake.routes['GET /api/admin/teams']!;
    fake.routes['GET /api/admin/teams'] = (body) => {
      if (!reachable) throw new ServerUnreachableError();
      return listTeams(body);
    };
    const { user } = await renderAdmin(fake);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The team server cannot be reached.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    reachable = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Teams and their CRM webhooks' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the form when the server drops away mid-way, and says so', async () => {
    const { user } = await renderAdmin(
      fakeServer({
        'POST /api/admin/teams': () => {
          throw new ServerUnreachableError();
        },
      }),
    );
    await screen.findByRole('table', { name: 'Teams and their CRM webhooks' });
    const name = within(teamsCard()).getByRole('textbox', { name: 'Team name' });
    await user.type(name, 'North China');
    await user.click(within(teamsCard()).getByRole('button', { name: 'Create team' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The team server cannot be reached.');
    expect(name).toHaveValue('North China');
  });

  it('asks to sign in again when the session ended', async () => {
    await renderAdmin(fakeServer({ 'GET /api/admin/teams': () => refusal(401, 'auth.required', 'Sign in again') }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended. Sign in again to continue.');
  });
});

describe('AdminScreen in Chinese', () => {
  it('speaks Chinese', async () => {
    await renderAdmin(fakeServer(), 'zh-CN');

    expect(await screen.findByRole('heading', { level: 1, name: '系统管理' })).toBeInTheDocument();
    const users = await screen.findByRole('table', { name: '所有可以登录的账号' });
    expect(within(users).getByRole('row', { name: /admin@example.cn/ })).toHaveTextContent('管理员');
    expect(screen.getByRole('button', { name: '创建用户' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '设置团队“East China”' })).toBeInTheDocument();
  });
});
