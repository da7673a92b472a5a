import { z } from 'zod';
import { ROLES } from '../model/account';

/**
 * The sync protocol's version. A client and a server speak only the same version; the server
 * answers any other with "please update the app".
 */
export const PROTOCOL_VERSION = 1;

/** Mutations per push request; a full batch stays well under the server's 1 MiB body limit. */
export const MAX_PUSH_BATCH = 200;
/** Changes per pull page. */
export const PULL_PAGE_SIZE = 1000;
/** A mutation stamped further ahead of the server's clock than this is refused (DESIGN.md). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** One outbox row on the wire: the name and arguments are checked per mutation, not per request. */
export const PushMutationSchema = z.strictObject({
  seq: z.number().int().positive(),
  id: z.uuid(),
  name: z.string().min(1).max(60),
  args: z.unknown(),
  hlc: z.string().min(1).max(120),
  createdAt: z.number().int(),
});
export type PushMutation = z.infer<typeof PushMutationSchema>;

export const PushBodySchema = z.strictObject({
  clientId: z.uuid(),
  protocolVersion: z.number().int(),
  mutations: z.array(PushMutationSchema).max(MAX_PUSH_BATCH),
});
export type PushBody = z.infer<typeof PushBodySchema>;

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int(), id: z.uuid(), status: z.literal('applied') }),
  z.object({ seq: z.number().int(), id: z.uuid(), status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({
  /** The highest seq the server has processed for this client: everything up to it is settled. */
  lastSeq: z.number().int().nonnegative(),
  results: z.array(MutationResultSchema),
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const ENTITY_KINDS = ['lead', 'call', 'note', 'event', 'handoff', 'playbook', 'review'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/**
 * A row the client stores as it is; `data: null` means it is gone (deleted, or no longer yours).
 * The kind is any string on the wire: a client skips kinds newer than itself instead of failing
 * the whole page, so the server can add kinds without a new protocol version.
 */
export const ChangeSchema = z.object({
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(80),
  data: z.unknown(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const MemberSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export type Member = z.infer<typeof MemberSchema>;

export const PullResponseSchema = z.object({
  /** The team's change counter the page reaches: store it with the rows, in one transaction. */
  cursor: z.number().int().nonnegative(),
  changes: z.array(ChangeSchema),
  /** More pages follow: pull again from `cursor`. */
  more: z.boolean(),
  /** The cursor sent belongs to another database or team: drop synced rows and pull from 0. */
  reset: z.boolean(),
  /** The team's people, so names can be shown for owners and authors. */
  members: z.array(MemberSchema),
  serverTime: z.number().int(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const PullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().nonnegative(),
  protocolVersion: z.coerce.number().int(),
});
