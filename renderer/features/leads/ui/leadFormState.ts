import type { Lead } from '../../../../shared/model/lead';
import { formatPhone, type PhoneRegion } from '../../../../shared/model/phone';
import type { FieldError, LeadInput } from '../../../../shared/model/leadInput';

/** The form edits strings; parseLeadInput turns them into a lead or field errors on save. */
export interface LeadFormValues {
  kind: string;
  company: string;
  contactName: string;
  title: string;
  phones: string[];
  wechatId: string;
  email: string;
  industry: string;
  region: string;
  timeZone: string;
  sourceChannel: string;
  campaign: string;
  temperature: string;
  status: string;
  owner: string;
  priority: string;
  tags: string;
}

export function emptyFormValues(kind: Lead['kind'], owner: string): LeadFormValues {
  return {
    kind,
    company: '',
    contactName: '',
    title: '',
    phones: [''],
    wechatId: '',
    email: '',
    industry: '',
    region: '',
    timeZone: '',
    sourceChannel: kind === 'inbound' ? 'website_form' : 'cold_list',
    campaign: '',
    temperature: 'warm',
    status: 'new',
    owner,
    priority: '2',
    tags: '',
  };
}

export function formValuesOf(lead: Lead, region: PhoneRegion): LeadFormValues {
  return {
    kind: lead.kind,
    company: lead.company,
    contactName: lead.contactName,
    title: lead.title,
    phones: lead.phones.length > 0 ? lead.phones.map((p) => formatPhone(p, region)) : [''],
    wechatId: lead.wechatId,
    email: lead.email,
    industry: lead.industry,
    region: lead.region,
    timeZone: lead.timeZone,
    sourceChannel: lead.sourceChannel,
    campaign: lead.campaign,
    temperature: lead.temperature,
    status: lead.status,
    owner: lead.owner,
    priority: String(lead.priority),
    tags: lead.tags.join(', '),
  };
}

export function toLeadInput(values: LeadFormValues, customFields: Readonly<Record<string, string>>): LeadInput {
  return { ...values, customFields, tags: values.tags.split(/[,，;；]/) };
}

/** Field errors keyed by form field; a phone error keys as `phones.N`. */
export function errorsByField(errors: readonly FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of errors) if (!(e.field in byField)) byField[e.field] = e.code;
  return byField;
}
