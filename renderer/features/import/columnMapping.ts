import { normalizeLabel } from './normalizeLabel';
import type { ColumnMapping, ColumnTarget, LeadColumnTarget } from './types';

/** Header words (already normalised) that Chinese and English lead lists use for each field. */
const HEADER_WORDS: Readonly<Record<LeadColumnTarget, readonly string[]>> = {
  company: ['公司', '公司名称', '公司名', '企业', '企业名称', '单位', '单位名称', '客户名称', '机构名称', 'company', 'companyname', 'account', 'accountname', 'organization', 'organisation', 'org'],
  contactName: ['姓名', '联系人', '联系人姓名', '名字', '客户姓名', 'name', 'contact', 'contactname', 'fullname', 'person'],
  title: ['职位', '职务', '岗位', '头衔', 'title', 'jobtitle', 'position', 'role'],
  phones: ['手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '座机', '固话', '固定电话', '移动电话', 'phone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'tel', 'telephone', 'landline', 'workphone'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email', 'emailaddress', 'mail'],
  wechatId: ['微信', '微信号', '微信id', 'wechat', 'wechatid', 'weixin', 'wx'],
  industry: ['行业', '所属行业', '行业类别', 'industry', 'sector', 'vertical'],
  region: ['地区', '省份', '城市', '区域', '省市', '所在地', '所在城市', 'region', 'province', 'city', 'location', 'area', 'state'],
  timeZone: ['时区', 'timezone', 'tz'],
  sourceChannel: ['来源', '渠道', '线索来源', '来源渠道', '获客渠道', 'source', 'leadsource', 'channel'],
  campaign: ['活动', '活动名称', '营销活动', '市场活动', 'campaign', 'campaignname'],
  temperature: ['热度', '温度', '意向度', '意向', 'temperature', 'rating', 'heat'],
  status: ['状态', '线索状态', '跟进状态', 'status', 'leadstatus', 'stage'],
  owner: ['负责人', '跟进人', '所有人', '销售', '归属人', 'owner', 'leadowner', 'assignedto', 'sdr', 'rep'],
  priority: ['优先级', '优先', 'priority'],
  kind: ['类型', '线索类型', '呼入呼出', '方向', 'type', 'kind', 'leadtype', 'direction'],
  tags: ['标签', 'tags', 'tag', 'labels', 'label'],
};

const EXACT = new Map<string, LeadColumnTarget>(
  Object.entries(HEADER_WORDS).flatMap(([target, words]) => words.map((w) => [w, target as LeadColumnTarget] as const)),
);

/**
 * Chinese headers are often longer phrases ("联系人手机", "公司邮箱", "客户所在省份"). Contact
 * words are tried before "公司"/"联系人" so that "公司电话" is a phone, not a company.
 */
const CONTAINS: readonly (readonly [string, LeadColumnTarget])[] = [
  ['邮箱', 'email'],
  ['邮件', 'email'],
  ['微信', 'wechatId'],
  ['手机', 'phones'],
  ['电话', 'phones'],
  ['座机', 'phones'],
  ['职位', 'title'],
  ['职务', 'title'],
  ['行业', 'industry'],
  ['省', 'region'],
  ['城市', 'region'],
  ['地区', 'region'],
  ['来源', 'sourceChannel'],
  ['渠道', 'sourceChannel'],
  ['活动', 'campaign'],
  ['标签', 'tags'],
  ['负责人', 'owner'],
  ['优先级', 'priority'],
  ['热度', 'temperature'],
  ['状态', 'status'],
  ['公司', 'company'],
  ['企业', 'company'],
  ['联系人', 'contactName'],
  ['姓名', 'contactName'],
];

/** Targets several columns may share; every other field takes the first column that names it. */
export const MULTI_COLUMN_TARGETS: ReadonlySet<ColumnTarget> = new Set<ColumnTarget>(['phones', 'tags', 'custom', 'ignore']);

export function guessColumnTarget(header: string): ColumnTarget {
  const key = normalizeLabel(header);
  if (key === '') return 'ignore';
  const exact = EXACT.get(key);
  if (exact) return exact;
  const contained = CONTAINS.find(([word]) => key.includes(word));
  // Unknown columns are kept as custom fields by default: the SDR may need them, and "ignore" is
  // one click away in the preview.
  return contained ? contained[1] : 'custom';
}

export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ColumnTarget>();
  return headers.map((header) => {
    const target = guessColumnTarget(header);
    if (MULTI_COLUMN_TARGETS.has(target)) return target;
    if (taken.has(target)) return 'custom';
    taken.add(target);
    return target;
  });
}

export type MappingProblem =
  | { readonly code: 'companyMissing' }
  | { readonly code: 'contactMissing' }
  | { readonly code: 'duplicateTarget'; readonly target: LeadColumnTarget; readonly columns: readonly string[] };

/** What keeps a mapping from being imported; an empty list means it can start. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes('company')) problems.push({ code: 'companyMissing' });
  if (!mapping.some((t) => t === 'phones' || t === 'email' || t === 'wechatId')) problems.push({ code: 'contactMissing' });
  const columnsByTarget = new Map<LeadColumnTarget, string[]>();
  mapping.forEach((target, i) => {
    if (MULTI_COLUMN_TARGETS.has(target)) return;
    const list = columnsByTarget.get(target as LeadColumnTarget) ?? [];
    list.push(columnLabel(headers, i));
    columnsByTarget.set(target as LeadColumnTarget, list);
  });
  for (const [target, columns] of columnsByTarget) {
    if (columns.length > 1) problems.push({ code: 'duplicateTarget', target, columns });
  }
  return problems;
}

/** The name a column is shown and stored under; a blank header becomes "3" (its position). */
export function columnLabel(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim() ?? '';
  return header === '' ? String(index + 1) : header;
}
