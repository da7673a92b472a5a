import { ReviewCallDetailSchema, ReviewCallListSchema } from '../../../shared/api/review';
import type { ServerTransport } from '../../platform/server';
import { call } from '../../platform/serverApi';
import { pageQueryString } from './reviewQuery';

export type { ApiProblem, ApiResult, FieldProblem } from '../../platform/serverApi';

/** One page of the calls matching `query` (see reviewQueryString); null cursor is the first page. */
export const listReviewCalls = (server: ServerTransport, query: string, cursor: string | null) =>
  call(server, 'GET', `/api/review/calls?${pageQueryString(query, cursor)}`, undefined, ReviewCallListSchema);

export const getReviewCall = (server: ServerTransport, callId: string) =>
  call(server, 'GET', `/api/review/calls/${encodeURIComponent(callId)}`, undefined, ReviewCallDetailSchema);
