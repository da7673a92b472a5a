import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/model/account';
import { CallSchema, type Call } from '../../shared/model/call';
import { canRecall, HandoffSchema, type Handoff, type HandoffStatus } from '../../shared/model/handoff';
import { LeadSchema, type Lead } from '../../shared/model/lead';
import type { LeadEvent, OverwriteEvent, StatusEvent } from '../../shared/model/leadEvent';
import { latestRevisions, NoteSchema, type Note } from '../../shared/model/note';
import type { Review } from '../../shared/model/review';
import { mergeAnswers } from '../../shared/model/script';
import { canTransitionVia, type TransitionVia } from '../../shared/rules/lifecycle';
import { MUTATION_ARGS, type MutationArgs, type MutationName } from '../../shared/sync/mutations';
import type { Entity, TeamStore } from './store';

/** Who pushes: the signed-in account, never what the client claims about itself. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string;
}

/** Why one mutation cannot apply; it is recorded as processed and shown to the user. */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export interface ApplyContext {
  readonly store: TeamStore;
  readonly actor: Actor;
  /** The mutation's hybrid logical clock (encoded, sorts in clock order). */
  readonly hlc: string;
  readonly now: number;
  /** Team members by id and lower-cased name, to resolve owners and routed sales reps. */
  readonly members: readonly Member[];
  /** Attempts at another team's records: logged by the route. */
  readonly refusals: string[];
  /** An accepted hand-off: queued for the team's CRM webhook in the same transaction. */
  readonly onAccepted: (handoff: Entity) => Promise<void>;
}

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

type Appliers = { readonly [N in MutationName]: (ctx: ApplyContext, args: MutationArgs<N>) => Promise<void> };

/** Validates and applies one pushed mutation; throws Rejection when it cannot apply. */
export async function applyMutation(ctx: ApplyContext, name: string, args: unknown): Promise<void> {
  // Own keys only: 'constructor' or 'toString' are in every object, and no mutation.
  if (!Object.hasOwn(MUTATION_ARGS, name)) throw new Rejection('mutation.unknown', `Unknown change ${JSON.stringify(name)}: this app is newer or older than the server.`);
  const mutation = name as MutationName;
  const parsed = MUTATION_ARGS[mutation].safeParse(args);
  if (!parsed.success) {
    throw new Rejection('invalid', `${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ')}`);
  }
  // A discriminated map keyed by the same name: the cast only restores what the lookup lost.
  await (APPLY[mutation] as (ctx: ApplyContext, args: unknown) => Promise<void>)(ctx, parsed.data);
}

const SDR_ROLES: readonly Role[] = ['sdr', 'lead'];

function requireRole(ctx: ApplyContext, roles: readonly Role[], what: string): void {
  if (!roles.includes(ctx.actor.role)) throw new Rejection('auth.forbidden', `A ${ctx.actor.role} account may not ${what}.`);
}

/**
 * A lead the actor may work on. Another team's lead answers exactly like a missing one (nothing
 * leaks) and is logged; another SDR's lead names its owner. An SDR working a lead of the
 * unassigned pool (calling, noting, moving or handing it off) makes it theirs.
 */
async function leadFor(ctx: ApplyContext, id: string, claim: boolean): Promise<Entity> {
  const entity = await ctx.store.get('lead', id);
  if (entity && entity.teamId !== ctx.actor.teamId) ctx.refusals.push(`lead ${id} of another team`);
  if (!entity || entity.deleted || entity.teamId !== ctx.actor.teamId) throw new Rejection('lead.notFound', `Lead ${id} is not on the server (or not yours to see).`);
  if (ctx.actor.role === 'lead') return entity;
  if (ctx.actor.role !== 'sdr') throw new Rejection('auth.forbidden', `A ${ctx.actor.role} account may not change leads.`);
  if (entity.ownerId === ctx.actor.id) return entity;
  if (entity.ownerId !== null) {
    const owner = ctx.members.find((m) => m.id === entity.ownerId)?.name ?? 'another SDR';
    throw new Rejection('lead.notYours', `This lead belongs to ${owner}.`);
  }
  if (claim) await setOwner(ctx, entity, ctx.actor);
  return entity;
}

/** Moves a lead (and its calls, notes, events, hand-offs) to an owner, or to the pool with null. */
async function setOwner(ctx: ApplyContext, lead: Entity, owner: Member | Actor | null): Promise<void> {
  lead.ownerId = owner?.id ?? null;
  lead.data = { ...lead.data, owner: owner?.name ?? '' };
  lead.clocks = { ...lead.clocks, owner: [ctx.hlc, ctx.actor.name] };
  await ctx.store.put(lead, { ownerChanged: true });
  for (const kind of ['call', 'note', 'event', 'handoff'] as const) {
    for (const child of await ctx.store.byLead(kind, lead.id)) {
      child.ownerId = lead.ownerId;
      await ctx.store.put(child);
    }
  }
}

/** A stored lead: validated when it was written (writeLeadFields, createLead), so read as is. */
function leadData(entity: Entity): Lead {
  return entity.data as unknown as Lead;
}

function newEntity(ctx: ApplyContext, kind: Entity['kind'], id: string, lead: Entity, data: object): Entity {
  return { kind, id, teamId: ctx.actor.teamId, leadId: lead.id, ownerId: lead.ownerId, salesId: null, data: { ...data }, clocks: {}, deleted: false, authorId: ctx.actor.id };
}

async function requireNew(ctx: ApplyContext, kind: Entity['kind'], id: string): Promise<void> {
  if (await ctx.store.exists(kind, id)) throw new Rejection(`${kind}.exists`, `This ${kind} (${id}) is already on the server.`);
}

const equalJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes lead fields last-writer-wins per field by hybrid logical clock. When two writers
 * disagree, the value that does not survive is kept as an overwrite event in the lead's history:
 * a write that arrives with an older clock than the field's, or a newer write whose `base` (what
 * its user saw) is not what the server held, so it replaced a value its user never saw.
 */
async function writeLeadFields(ctx: ApplyContext, lead: Entity, patch: Readonly<Record<string, unknown>>, updatedAt: number, base?: Readonly<Record<string, unknown>>): Promise<void> {
  const data = { ...lead.data };
  const clocks = { ...lead.clocks };
  const lost: OverwriteEvent[] = [];
  const current = leadData(lead);
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (field === 'owner') continue; // the server keeps owners: see leadUpdateOwner()
    if (field === 'status') {
      if (value === current.status) continue;
      // Status is not last-writer-wins: the lifecycle decides from what the server holds now.
      if (canTransitionVia(current.status, value as Lead['status'], 'manual')) data['status'] = value;
      else lost.push(overwrite(ctx, lead.id, field, value, ctx.actor.name));
      continue;
    }
    const [clock, writer] = clocks[field] ?? clocks[ALL_FIELDS] ?? ['', ''];
    if (equalJson(data[field], value)) {
      if (ctx.hlc > clock) clocks[field] = [ctx.hlc, ctx.actor.name];
      continue;
    }
    if (ctx.hlc > clock) {
      if (base && field in base && !equalJson(base[field], data[field])) lost.push(overwrite(ctx, lead.id, field, data[field], writer));
      data[field] = value;
      clocks[field] = [ctx.hlc, ctx.actor.name];
    } else {
      lost.push(overwrite(ctx, lead.id, field, value, ctx.actor.name));
    }
  }
  data['updatedAt'] = Math.max(current.updatedAt, updatedAt);
  const checked = LeadSchema.safeParse(data);
  if (!checked.success) throw new Rejection('invalid', `The lead would become invalid: ${checked.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  lead.data = checked.data;
  lead.clocks = clocks;
  await ctx.store.put(lead);
  for (const event of lost) await ctx.store.put(newEntity(ctx, 'event', event.id, lead, event));
}

function overwrite(ctx: ApplyContext, leadId: string, field: string, lostValue: unknown, lostBy: string): OverwriteEvent {
  return { type: 'overwrite', id: uuidv7(), leadId, at: ctx.now, by: ctx.actor.name, field, lostValue: JSON.stringify(lostValue ?? null).slice(0, 20_000), lostBy };
}

/** The member who may own leads that a lead's owner field names, by name or e-mail. */
function leadOwnerNamed(ctx: ApplyContext, owner: string): Member | null {
  const name = owner.trim().toLowerCase();
  return ctx.members.find((m) => (m.role === 'sdr' || m.role === 'lead') && (m.name.toLowerCase() === name || m.email === name)) ?? null;
}

/** A team lead may give a lead to a member by name, or back to the pool with ''. */
async function leadUpdateOwner(ctx: ApplyContext, lead: Entity, owner: string | undefined): Promise<void> {
  if (owner === undefined || ctx.actor.role !== 'lead') return;
  if (owner.trim() === '') return lead.ownerId === null ? undefined : setOwner(ctx, lead, null);
  const member = leadOwnerNamed(ctx, owner);
  if (!member) throw new Rejection('lead.ownerUnknown', `Nobody called "${owner}" works in this team.`);
  if (member.id !== lead.ownerId) await setOwner(ctx, lead, member);
}

/** The clock of every field not written since the lead was created: one entry, not one per field. */
const ALL_FIELDS = '*';

function allFieldClocks(ctx: ApplyContext): Record<string, readonly [string, string]> {
  return { [ALL_FIELDS]: [ctx.hlc, ctx.actor.name] };
}

async function createLead(ctx: ApplyContext, lead: Lead): Promise<void> {
  await requireNew(ctx, 'lead', lead.id);
  const owner: Member | Actor | null = ctx.actor.role === 'sdr' ? ctx.actor : ctx.actor.role === 'lead' && lead.owner.trim() !== '' ? leadOwnerNamed(ctx, lead.owner) : null;
  const data: Lead = { ...lead, owner: owner?.name ?? '' };
  await ctx.store.put({ kind: 'lead', id: lead.id, teamId: ctx.actor.teamId, leadId: lead.id, ownerId: owner?.id ?? null, salesId: null, data, clocks: allFieldClocks(ctx), deleted: false });
}

async function callFor(ctx: ApplyContext, id: string): Promise<{ call: Entity; lead: Entity }> {
  const call = await ctx.store.get('call', id);
  if (call && call.teamId !== ctx.actor.teamId) ctx.refusals.push(`call ${id} of another team`);
  if (!call || call.teamId !== ctx.actor.teamId || call.leadId === null) throw new Rejection('call.notFound', `Call ${id} is not on the server.`);
  const lead = await leadFor(ctx, call.leadId, true);
  return { call, lead };
}

function openCallData(call: Entity): Call {
  const data = CallSchema.parse(call.data);
  if (data.wrappedUpAt !== null) throw new Rejection('call.closed', `Call ${call.id} is already wrapped up.`);
  return data;
}

/** Applies a status event to the lead, refusing it unless the lead is still where the user saw it. */
async function applyStatus(ctx: ApplyContext, lead: Entity, event: StatusEvent, via: TransitionVia): Promise<void> {
  const current = leadData(lead);
  if (current.status !== event.from) throw new Rejection('lead.stale', `The lead is now ${current.status}, not ${event.from}: it was changed elsewhere. Nothing was moved.`);
  if (!canTransitionVia(event.from, event.to, via)) throw new Rejection('lifecycle.invalid', `A ${event.from} lead cannot move to ${event.to} this way.`);
  const nextCallbackAt = event.to === 'nurturing' || event.to === 'disqualified' || event.to === 'mql' ? event.nextTouchAt : current.nextCallbackAt;
  lead.data = { ...lead.data, status: event.to, nextCallbackAt, updatedAt: Math.max(current.updatedAt, event.at) };
  lead.clocks = { ...lead.clocks, status: [ctx.hlc, ctx.actor.name] };
  await ctx.store.put(lead);
  await putEvent(ctx, lead, event);
}

async function putEvent(ctx: ApplyContext, lead: Entity, event: LeadEvent): Promise<void> {
  await requireNew(ctx, 'event', event.id);
  await ctx.store.put(newEntity(ctx, 'event', event.id, lead, { ...event, by: ctx.actor.name }));
}

async function handoffFor(ctx: ApplyContext, id: string): Promise<{ entity: Entity; handoff: Handoff }> {
  const entity = await ctx.store.get('handoff', id);
  if (entity && entity.teamId !== ctx.actor.teamId) ctx.refusals.push(`handoff ${id} of another team`);
  if (!entity || entity.teamId !== ctx.actor.teamId) throw new Rejection('handoff.notFound', `Hand-off ${id} is not on the server.`);
  return { entity, handoff: HandoffSchema.parse(entity.data) };
}

const STATUS_WORDS: Readonly<Record<HandoffStatus, string>> = {
  queued: 'waiting',
  delivered: 'waiting for sales',
  accepted: 'accepted',
  returned: 'returned',
  recalled: 'recalled',
};

function settledMessage(handoff: Handoff): string {
  const who = handoff.actedBy ? ` by ${handoff.actedBy}` : '';
  return `This hand-off was already ${STATUS_WORDS[handoff.status]}${who} at ${new Date(handoff.updatedAt).toISOString()}.`;
}

/** Sales answers a hand-off routed to them (or to the team's sales queue). */
async function answerHandoff(ctx: ApplyContext, args: { id: string; eventId: string; at: number }, status: 'accepted' | 'returned', reason: string): Promise<Entity> {
  requireRole(ctx, ['sales'], 'accept or return hand-offs');
  const { entity, handoff } = await handoffFor(ctx, args.id);
  if (entity.salesId !== null && entity.salesId !== ctx.actor.id) throw new Rejection('handoff.notYours', 'This hand-off is routed to another sales rep.');
  if (!canRecall(handoff.status)) throw new Rejection('handoff.settled', settledMessage(handoff));
  const lead = await ctx.store.get('lead', handoff.leadId);
  if (!lead) throw new Rejection('lead.notFound', `Lead ${handoff.leadId} is not on the server.`);
  const from = leadData(lead).status;
  const to = status === 'accepted' ? 'sql' : 'returned';
  const event: StatusEvent = { type: 'status', id: args.eventId, leadId: lead.id, at: args.at, by: ctx.actor.name, from, to, reason, nextTouchAt: null };
  await applyStatus(ctx, lead, event, 'sales');
  entity.salesId = ctx.actor.id;
  entity.data = { ...handoff, status, statusReason: reason, actedBy: ctx.actor.name, updatedAt: args.at };
  await ctx.store.put(entity);
  return entity;
}

const APPLY: Appliers = {
  'lead.create': async (ctx, { lead }) => {
    requireRole(ctx, SDR_ROLES, 'create leads');
    await createLead(ctx, lead);
  },
  'lead.update': async (ctx, { id, patch, base, updatedAt }) => {
    const lead = await leadFor(ctx, id, false);
    await leadUpdateOwner(ctx, lead, patch.owner);
    await writeLeadFields(ctx, lead, patch, updatedAt, base);
  },
  'lead.importBatch': async (ctx, { created, merged, updatedAt }) => {
    requireRole(ctx, SDR_ROLES, 'import leads');
    for (const lead of created) await createLead(ctx, lead);
    for (const { id, patch } of merged) await writeLeadFields(ctx, await leadFor(ctx, id, false), patch, updatedAt);
  },
  'call.start': async (ctx, { call }) => {
    const lead = await leadFor(ctx, call.leadId, true);
    // A do-not-call lead may still ring in; only calling them is refused.
    if (call.channel === 'phone' && call.direction === 'outbound' && leadData(lead).doNotCall) throw new Rejection('lead.doNotCall', 'This lead asked not to be called.');
    await requireNew(ctx, 'call', call.id);
    await ctx.store.put(newEntity(ctx, 'call', call.id, lead, { ...call, sdr: ctx.actor.name }));
  },
  'call.progress': async (ctx, { id, connectedAt, endedAt, sip }) => {
    const { call } = await callFor(ctx, id);
    const data = openCallData(call);
    call.data = { ...data, connectedAt: data.connectedAt ?? connectedAt ?? null, endedAt: data.endedAt ?? endedAt ?? null, ...(sip ? { sip } : {}) };
    await ctx.store.put(call);
  },
  'call.answers': async (ctx, { id, scriptId, scriptVersion, answers }) => {
    const { call } = await callFor(ctx, id);
    const data = openCallData(call);
    call.data = { ...data, scriptId, scriptVersion, answers: mergeAnswers(data.answers, answers) };
    await ctx.store.put(call);
  },
  'call.wrapUp': async (ctx, { id, wrappedUpAt, disposition, doNotCall, callbackAt, leadFields }) => {
    const { call, lead } = await callFor(ctx, id);
    const data = openCallData(call);
    call.data = { ...data, endedAt: data.endedAt ?? wrappedUpAt, wrappedUpAt, disposition, callbackAt };
    await ctx.store.put(call);
    const current = leadData(lead);
    await writeLeadFields(
      ctx,
      lead,
      {
        ...(current.status === 'new' ? { status: 'working' } : {}),
        firstContactedAt: current.firstContactedAt === null ? data.startedAt : Math.min(current.firstContactedAt, data.startedAt),
        lastContactedAt: Math.max(current.lastContactedAt ?? 0, data.startedAt),
        nextCallbackAt: callbackAt,
        doNotCall: current.doNotCall || doNotCall,
        customFields: { ...current.customFields, ...leadFields },
      },
      wrappedUpAt,
    );
  },
  'note.add': async (ctx, { note }) => {
    const lead = await leadFor(ctx, note.leadId, true);
    await requireNew(ctx, 'note', note.id);
    await ctx.store.put(newEntity(ctx, 'note', note.id, lead, { ...note, author: ctx.actor.name }));
  },
  'lead.tags': async (ctx, { event }) => {
    const lead = await leadFor(ctx, event.leadId, false);
    const current = leadData(lead);
    const removed = new Set(event.removed);
    const tags = [...current.tags.filter((tag) => !removed.has(tag)), ...event.added.filter((tag) => !current.tags.includes(tag))];
    // Tags merge per tag (an add/remove set), so this bypasses the field clock on purpose.
    lead.data = { ...lead.data, tags, updatedAt: Math.max(current.updatedAt, event.at) };
    await ctx.store.put(lead);
    await putEvent(ctx, lead, event);
  },
  'lead.transition': async (ctx, { event }) => {
    const lead = await leadFor(ctx, event.leadId, true);
    await applyStatus(ctx, lead, event, 'manual');
  },
  'handoff.create': async (ctx, { handoff, event }) => {
    requireRole(ctx, SDR_ROLES, 'hand off leads');
    const lead = await ctx.store.get('lead', handoff.leadId);
    if (lead && lead.teamId === ctx.actor.teamId) {
      // The first hand-off of a lead wins; the second is told whose it is, before anything else.
      const open = (await ctx.store.byLead('handoff', lead.id)).map((e) => HandoffSchema.parse(e.data)).find((h) => canRecall(h.status) || h.status === 'accepted');
      if (open) throw new Rejection('handoff.exists', `${open.fromSdr} already handed this lead off at ${new Date(open.createdAt).toISOString()}.`);
    }
    if (event.to !== 'mql' || event.leadId !== handoff.leadId) throw new Rejection('invalid', 'A hand-off moves its own lead to MQL.');
    const entity = await leadFor(ctx, handoff.leadId, true);
    await requireNew(ctx, 'handoff', handoff.id);
    await applyStatus(ctx, entity, event, 'handoff');
    const ownerKey = handoff.owner.id.toLowerCase();
    const sales = ctx.members.find((m) => m.role === 'sales' && (m.id === handoff.owner.id || m.email === ownerKey));
    const notes = latestRevisions((await ctx.store.byLead('note', entity.id)).map((e) => NoteSchema.parse(e.data)) as Note[]).slice(0, 500);
    const calls = (await ctx.store.byLead('call', entity.id)).map((e) => CallSchema.parse(e.data)).sort((a, b) => b.startedAt - a.startedAt).slice(0, 200);
    const data: Handoff = { ...handoff, fromSdr: ctx.actor.name, status: 'delivered', updatedAt: Math.max(handoff.updatedAt, ctx.now), snapshot: { lead: leadData(entity), notes, calls } };
    await ctx.store.put({ ...newEntity(ctx, 'handoff', handoff.id, entity, data), salesId: sales?.id ?? null });
  },
  'handoff.recall': async (ctx, { id, event }) => {
    const { entity, handoff } = await handoffFor(ctx, id);
    const lead = await leadFor(ctx, handoff.leadId, false);
    if (!canRecall(handoff.status)) throw new Rejection('handoff.settled', settledMessage(handoff));
    if (event.leadId !== handoff.leadId || event.to !== 'working') throw new Rejection('invalid', 'A recall moves its own lead back to working.');
    await applyStatus(ctx, lead, event, 'recall');
    entity.data = { ...handoff, status: 'recalled', statusReason: event.reason, updatedAt: event.at };
    await ctx.store.put(entity);
  },
  'handoff.accept': async (ctx, args) => {
    const entity = await answerHandoff(ctx, args, 'accepted', '');
    await ctx.onAccepted(entity);
  },
  'handoff.return': async (ctx, args) => {
    await answerHandoff(ctx, args, 'returned', args.reason);
  },
  'review.add': async (ctx, { review }) => {
    requireRole(ctx, ['lead'], 'review calls');
    const call = await ctx.store.get('call', review.callId);
    if (call && call.teamId !== ctx.actor.teamId) ctx.refusals.push(`call ${review.callId} of another team`);
    if (!call || call.teamId !== ctx.actor.teamId || call.leadId !== review.leadId) throw new Rejection('call.notFound', `Call ${review.callId} is not on the server.`);
    await requireNew(ctx, 'review', review.id);
    const sdrId = call.authorId ?? (await ctx.store.callAuthor(review.callId)) ?? '';
    const sdrName = ctx.members.find((m) => m.id === sdrId)?.name ?? String(call.data['sdr'] ?? '');
    const data: Review = {
      id: review.id,
      callId: review.callId,
      leadId: review.leadId,
      sdrId,
      sdrName,
      reviewerId: ctx.actor.id,
      reviewer: ctx.actor.name,
      comment: review.comment,
      scores: review.scores,
      criteria: review.criteria,
      createdAt: review.at,
    };
    // Owned by the SDR whose call it is: only they (and the team's leads) ever pull it.
    await ctx.store.put({ kind: 'review', id: review.id, teamId: ctx.actor.teamId, leadId: review.leadId, ownerId: sdrId === '' ? ctx.actor.id : sdrId, salesId: null, data: { ...data }, clocks: {}, deleted: false });
  },
};
