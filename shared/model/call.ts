import { z } from 'zod';
import { AnswersSchema } from './script';
import { CallSipSchema } from './sip';

export const CALL_CHANNELS = ['phone', 'wechat', 'email'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALL_DIRECTIONS = ['outbound', 'inbound'] as const;

/** How the call was placed; 'touch' is a WeChat message or e-mail logged as a contact. */
export const CALL_VIA = ['tel', 'callto', 'template', 'logOnly', 'sip', 'touch'] as const;
export type CallVia = (typeof CALL_VIA)[number];

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'phone.invalid' });
const time = z.number().int().nonnegative();

/**
 * One call or touch. Written when it starts (a crash mid-call keeps it), then stamped as it
 * connects, ends and is wrapped up; a wrapped-up call never changes again.
 */
export const CallSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  channel: z.enum(CALL_CHANNELS),
  direction: z.enum(CALL_DIRECTIONS),
  via: z.enum(CALL_VIA),
  /** E.164 for phone calls; '' for touches. */
  number: z.union([z.literal(''), E164]),
  sdr: z.string().max(80),
  startedAt: time,
  connectedAt: time.nullable(),
  endedAt: time.nullable(),
  wrappedUpAt: time.nullable(),
  disposition: z.string().max(60).nullable(),
  callbackAt: time.nullable(),
  scriptId: z.string().max(60).nullable(),
  scriptVersion: z.number().int().positive().nullable(),
  answers: AnswersSchema,
  /** Set by the built-in softphone when the call ends: its SIP outcome and audio quality. */
  sip: CallSipSchema.optional(),
});
export type Call = Readonly<z.infer<typeof CallSchema>>;

export type CallState = 'dialing' | 'connected' | 'wrapUp' | 'done';

/** The call's state follows from its stamps, so a reloaded window resumes exactly where it was. */
export function callState(call: Pick<Call, 'connectedAt' | 'endedAt' | 'wrappedUpAt'>): CallState {
  if (call.wrappedUpAt !== null) return 'done';
  if (call.endedAt !== null) return 'wrapUp';
  return call.connectedAt !== null ? 'connected' : 'dialing';
}

/** Talk time in whole seconds (0 when it never connected). */
export function talkSeconds(call: Pick<Call, 'connectedAt' | 'endedAt'>, now: number): number {
  if (call.connectedAt === null) return 0;
  return Math.max(0, Math.floor(((call.endedAt ?? now) - call.connectedAt) / 1000));
}
