import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEAM_PLAYBOOK } from '../../../renderer/features/playbook/queries';
import { ReportsScreen } from '../../../renderer/features/reports';
import { ServerUnreachableError, type ServerResponse, type ServerTransport } from '../../../renderer/platform/server';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { SCRIPTS, TEAM_REPORT } from './teamReportFixture';

/** Noon UTC on 30 November 2026: the same calendar day in every zone from UTC−11 to UTC+11. */
const NOW = Date.UTC(2026, 10, 30, 12);
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

const answer = (status: number, body: unknown): ServerResponse => ({ status, body, retryAfterSeconds: null });

/** A team server that answers every report request with `respond` and records the paths asked. */
function fakeServer(respond: () => ServerResponse | Promise<ServerResponse> = () => answer(200, TEAM_REPORT)) {
  const paths: string[] = [];
  const server: ServerTransport = {
    fixedServerUrl: null,
    signIn: () => Promise.reject(new Error('not used here')),
    signOut: () => Promise.resolve(),
    request: async (method, path) => {
      paths.push(`${method} ${path}`);
      return respond();
    },
  };
  return { server, paths };
}

async function renderReports(fake = fakeServer(), language: 'en' | 'zh-CN' = 'en') {
  const view = await renderWithI18n(<ReportsScreen server={fake.server} playbook={{ ...DEFAULT_TEAM_PLAYBOOK, allScripts: SCRIPTS }} now={NOW} />, language);
  return { ...view, ...fake, user: userEvent.setup() };
}

const query = (path: string) => Object.fromEntries(new URL(path.replace(/^GET /, ''), 'http://server').searchParams);
const tile = (label: string) => screen.getByRole('definition', { name: label });
const rowHeaders = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);

/** Catches what downloadText hands the browser: the file's bytes and its name. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs[Number(this.href.slice('blob:'.length)) - 1];
    if (blob) files.push({ name: this.download, blob });
  });
  const text = async (index: number) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files[index]!.blob.arrayBuffer());
  return { files, text };
}

afterEach(() => vi.restoreAllMocks());

describe('ReportsScreen', () => {
  it('asks for the last 30 days in the browser’s zone and shows the team’s headline and each SDR', async () => {
    const { paths } = await renderReports();

    const table = await screen.findByRole('table', { name: 'Per SDR' });
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatch(/^GET \/api\/reports\/team\?/);
    expect(query(paths[0]!)).toEqual({ from: '2026-11-01', to: '2026-11-30', tz: TZ });
    expect(screen.getByText(`Time zone: ${TZ}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');

    expect(tile('Dials')).toHaveTextContent('1,234');
    expect(tile('Conversations')).toHaveTextContent('300');
    expect(tile('Connect rate')).toHaveTextContent('24.3%');
    expect(tile('Talk time')).toHaveTextContent('12:30');
    expect(tile('Speed to lead (median)')).toHaveTextContent('4 min');
    expect(tile('Speed to lead (p90)')).toHaveTextContent('2 h 10 min');
    expect(tile('Acceptance rate')).toHaveTextContent('75%');
    expect(tile('Nurtured')).toHaveTextContent('7');

    const li = within(table).getByRole('row', { name: /李雷/ });
    expect(li).toHaveTextContent('700');
    expect(li).toHaveTextContent('28.6%');
    expect(li).toHaveTextContent('8:20');
    expect(li).toHaveTextContent('3 d');
    expect(within(table).getByRole('row', { name: /Anna Schmidt/ })).toHaveTextContent('—');
    expect(within(table).getByRole('row', { name: /Team total/ })).toHaveTextContent('1,234');
    expect(rowHeaders(table).at(-1)).toBe('Team total');
  });

  it('sorts the SDRs by the column clicked, biggest first, and back', async () => {
    const { user } = await renderReports();
    const table = await screen.findByRole('table', { name: 'Per SDR' });
    const dials = within(table).getByRole('columnheader', { name: /Dials/ });

    await user.click(within(dials).getByRole('button', { name: /Dials/ }));
    expect(dials).toHaveAttribute('aria-sort', 'descending');
    expect(rowHeaders(table)).toEqual(['李雷', '王芳', 'Anna Schmidt', 'Team total']);

    await user.click(within(dials).getByRole('button', { name: /Dials/ }));
    expect(dials).toHaveAttribute('aria-sort', 'ascending');
    expect(rowHeaders(table)).toEqual(['Anna Schmidt', '王芳', '李雷', 'Team total']);
    expect(within(table).getByRole('columnheader', { name: /SDR/ })).not.toHaveAttribute('aria-sort');
  });

  it('refuses a reversed or over-long period next to the field without asking the server', async () => {
    const { user, paths } = await renderReports();
    await screen.findByRole('table', { name: 'Per SDR' });
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');

    await user.clear(from);
    await user.type(from, '2026-12-05');
    await user.click(screen.getByRole('button', { name: 'Show report' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The end date is before the start date.');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('The end date is before the start date.');

    await user.clear(from);
    await user.type(from, '2025-01-01');
    await user.click(screen.getByRole('button', { name: 'Show report' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A report covers at most 366 days; this period has 699.');
    expect(paths).toHaveLength(1);

    await user.clear(from);
    await user.type(from, '2026-11-15');
    await user.click(screen.getByRole('button', { name: 'Show report' }));
    await waitFor(() => expect(paths).toHaveLength(2));
    expect(query(paths[1]!)).toMatchObject({ from: '2026-11-15', to: '2026-11-30' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for the whole last quarter when that preset is picked', async () => {
    const { user, paths } = await renderReports();
    await screen.findByRole('table', { name: 'Per SDR' });

    await user.click(screen.getByRole('button', { name: 'Last quarter' }));
    await waitFor(() => expect(paths).toHaveLength(2));
    expect(query(paths[1]!)).toEqual({ from: '2026-07-01', to: '2026-09-30', tz: TZ });
    expect(screen.getByLabelText('From')).toHaveValue('2026-07-01');
    expect(screen.getByRole('button', { name: 'Last quarter' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says the server computes the reports when it cannot be reached, and retries', async () => {
    let online = false;
    const fake = fakeServer(() => {
      if (!online) throw new ServerUnreachableError();
      return answer(200, TEAM_REPORT);
    });
    const { user } = await renderReports(fake);

    expect(await screen.findByRole('alert')).toHaveTextContent('The reports are computed by the team server; connect to see them.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Per SDR' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells a non-lead the reports are for team leads, and shows the server’s refusal', async () => {
    await renderReports(fakeServer(() => answer(403, { error: { code: 'forbidden', message: 'no' } })));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only team leads can see the team’s reports.');
  });

  it('shows what the server refused', async () => {
    await renderReports(fakeServer(() => answer(400, { error: { code: 'invalid', message: 'tz: unknown zone' } })));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not accept this request: tz: unknown zone');
  });

  it('names every chart and gives its numbers as a table, channels in words', async () => {
    await renderReports();
    await screen.findByRole('table', { name: 'Per SDR' });

    expect(screen.getByRole('img', { name: /dials and conversations per day/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /each source channel/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /returned hand-offs for each reason/ })).toBeInTheDocument();

    const channels = screen.getByRole('table', { name: 'Funnel by source channel' });
    const website = within(channels).getByRole('row', { name: /Website form/ });
    expect(website).toHaveTextContent('75%'); // contacted 30 of 40
    expect(website).toHaveTextContent('60%'); // MQL → SQL 6 of 10
    expect(within(channels).getByRole('row', { name: /\(none\)/ })).toHaveTextContent('—');

    const daily = screen.getByRole('table', { name: 'Daily activity' });
    expect(within(daily).getAllByRole('row')).toHaveLength(3);

    const reasons = screen.getByRole('table', { name: 'Why sales returned hand-offs' });
    expect(rowHeaders(reasons)).toEqual(['预算不足，明年再说', '=HYPERLINK("http://evil.example")']);
    expect(within(reasons).getByRole('row', { name: /预算不足/ })).toHaveTextContent('60%');
  });

  it('puts each script question in its newest words and highlights the strongest signal', async () => {
    await renderReports();
    const insight = await screen.findByRole('table', { name: 'Which questions go with accepted hand-offs' });

    const rows = within(insight).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('今年这个项目的预算大概是多少？');
    expect(rows[0]).toHaveTextContent('Strong signal');
    expect(rows[0]).toHaveTextContent('90%');
    expect(rows[0]).toHaveTextContent('25%');
    expect(rows[0]).toHaveTextContent('+65');
    expect(rows[1]).toHaveTextContent('什么时候上线？');
    expect(rows[1]).not.toHaveTextContent('Strong signal');
    expect(rows[2]).toHaveTextContent('retired');
    expect(rows[2]).toHaveTextContent('pain');
  });

  it('exports the SDR table for Excel in Chinese, with a BOM and the period in the file name', async () => {
    const downloads = captureDownloads();
    const { user } = await renderReports(fakeServer(), 'zh-CN');
    await screen.findByRole('table', { name: '各 SDR 数据' });

    await user.click(screen.getByRole('button', { name: '导出 CSV：各 SDR 数据' }));

    expect(downloads.files.map((f) => f.name)).toEqual(['sdr-report-2026-11-01_2026-11-30-sdrs.csv']);
    const csv = await downloads.text(0);
    expect(csv.startsWith('\uFEFFSDR,拨打量,接通数,接通率,通话时长,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.find((l) => l.startsWith('李雷,'))).toMatch(/^李雷,700,200,28\.6%,8:20,0,3 天,,12,1,15,9,3,75%,0$/);
    expect(lines.at(-2)).toMatch(/^团队合计,1234,300,24\.3%,12:30,/);
  });

  it('exports user-typed text with formulas neutralised and Chinese intact', async () => {
    const downloads = captureDownloads();
    const { user } = await renderReports(fakeServer(), 'zh-CN');
    await screen.findByRole('table', { name: '各 SDR 数据' });

    await user.click(screen.getByRole('button', { name: '导出 CSV：销售退回原因' }));
    await user.click(screen.getByRole('button', { name: '导出 CSV：各营销活动转化漏斗' }));

    expect(downloads.files.map((f) => f.name)).toEqual(['sdr-report-2026-11-01_2026-11-30-return-reasons.csv', 'sdr-report-2026-11-01_2026-11-30-campaigns.csv']);
    expect(await downloads.text(0)).toBe('\uFEFF退回原因,被退回数,占比\r\n预算不足，明年再说,3,60%\r\n"\'=HYPERLINK(""http://evil.example"")",2,40%\r\n');
    const campaigns = await downloads.text(1);
    expect(campaigns).toContain('线上研讨会,双十一直播,20,18,6,3,50%');
    expect(campaigns).toContain(`付费广告,"'+86 promo",12,6,2,2,100%`);
    expect(campaigns).toContain('（无）,（无）,5,1,0,0,');
  });
});
