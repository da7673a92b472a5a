import { v7 as uuidv7 } from 'uuid';
import { db, mutate } from '../../db';
import { fromLeadRow } from '../../db/leadRow';
import type { Lead } from '../../../shared/model/lead';
import { newLead } from '../../../shared/model/leadInput';
import type { Script } from '../../../shared/model/script';
import { callProgress, startInboundCall } from '../call';
import type { SipPhone } from './engine/sipPhone';
import type { IncomingCall } from './state';

interface Answer {
  readonly phone: SipPhone;
  readonly incoming: IncomingCall;
  readonly sdr: string;
  /** The script a new call on this lead opens with. */
  readonly scriptFor: (lead: Lead) => Script | null;
  /** The company a caller no lead knows is filed under. */
  readonly unknownCompany: (e164: string) => string;
  readonly onError: (error: unknown) => void;
}

/**
 * Answers the ringing call and logs it on the caller's lead, like an outbound call. A number no
 * lead has becomes a new inbound lead (the SDR fills it in while talking); a caller without a phone
 * number (a colleague's extension) is answered but not logged. Returns the lead the call is on.
 */
export async function answerIncoming({ phone, incoming, sdr, scriptFor, unknownCompany, onError }: Answer, now: number = Date.now()): Promise<Lead | null> {
  if (incoming.e164 === null) {
    await phone.answer({ onConnected: () => undefined, onEnded: () => undefined });
    return null;
  }
  const lead = await callerLead({ ...incoming, e164: incoming.e164 }, sdr, unknownCompany(incoming.e164), now);
  const call = await startInboundCall(lead, incoming.e164, scriptFor(lead), sdr, now);
  await phone.answer(callProgress(call.id, onError));
  return lead;
}

async function callerLead(incoming: IncomingCall & { e164: string }, sdr: string, company: string, now: number): Promise<Lead> {
  const row = incoming.leadId ? await db.leads.get(incoming.leadId) : undefined;
  if (row) return fromLeadRow(row);
  const lead = newLead(
    {
      kind: 'inbound',
      company,
      contactName: incoming.name.slice(0, 100),
      title: '',
      phones: [incoming.e164],
      email: '',
      wechatId: '',
      industry: '',
      region: '',
      timeZone: '',
      sourceChannel: 'other',
      campaign: '',
      temperature: 'warm',
      status: 'new',
      owner: sdr,
      priority: 2,
      tags: [],
      customFields: {},
    },
    uuidv7(),
    now,
  );
  await mutate(db, 'lead.create', { lead }, now);
  return lead;
}
