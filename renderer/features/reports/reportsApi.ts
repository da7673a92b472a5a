import { TeamReportSchema } from '../../../shared/api/reports';
import type { Period } from '../../../shared/rules/period';
import type { ServerTransport } from '../../platform/server';
import { call } from '../../platform/serverApi';

/** The team's numbers over a period; the server computes them from every member's synced work. */
export function fetchTeamReport(server: ServerTransport, period: Period) {
  const query = new URLSearchParams({ from: period.from, to: period.to, tz: period.tz });
  return call(server, 'GET', `/api/reports/team?${query.toString()}`, undefined, TeamReportSchema);
}
