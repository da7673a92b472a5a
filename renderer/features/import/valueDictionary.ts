import { LEAD_KINDS, LEAD_STATUSES, SOURCE_CHANNELS, TEMPERATURES } from '../../../shared/model/lead';
import { normalizeLabel } from './normalizeLabel';

/** Lead fields whose cells must be one of a fixed set of values. */
export type EnumField = 'kind' | 'temperature' | 'status' | 'sourceChannel' | 'priority';

/**
 * How Chinese and English lead lists spell each value. Keys are normalised (normalizeLabel), so
 * "Website Form", "website_form" and "官网表单" need one entry each at most; the canonical values
 * themselves are added below.
 */
const WORDS: Readonly<Record<EnumField, Readonly<Record<string, readonly string[]>>>> = {
  kind: {
    inbound: ['呼入', '入站', '来电', '集客', 'in', 'inbound'],
    outbound: ['外呼', '呼出', '出站', '陌拜', 'out', 'outbound'],
  },
  temperature: {
    hot: ['热', '高', '火热', '高意向', 'a'],
    warm: ['温', '中', '温和', '一般', '中意向', 'b'],
    cold: ['冷', '低', '低意向', 'c'],
  },
  status: {
    new: ['新', '新线索', '新建', '未跟进', '待跟进'],
    working: ['跟进中', '跟进', '联系中', '进行中', 'inprogress', 'contacted'],
    nurturing: ['培育', '培育中', '孵化', '孵化中', 'nurture'],
    mql: ['已移交', '移交', '市场合格线索'],
    sql: ['已接受', '销售合格线索'],
    returned: ['退回', '已退回', '销售退回'],
    disqualified: ['不合格', '无效', '无效线索', '已淘汰', 'unqualified', 'invalid'],
    recycled: ['回收', '已回收', '再培育'],
  },
  sourceChannel: {
    website_form: ['官网', '官网表单', '网站', '网站表单', '表单', '官网留资', '留资', 'website', 'web', 'webform', 'form'],
    content_download: ['内容下载', '白皮书', '白皮书下载', '资料下载', '下载', 'whitepaper', 'ebook', 'download'],
    webinar: ['研讨会', '线上研讨会', '网络研讨会', '直播', '线上会议', 'onlineevent'],
    event: ['展会', '活动', '线下活动', '会议', '沙龙', '峰会', 'tradeshow', 'conference', 'expo'],
    referral: ['转介绍', '推荐', '介绍', '老客户推荐', '客户推荐'],
    paid_ads: ['广告', '付费广告', '百度', '百度推广', '竞价', '搜索广告', '信息流', 'sem', 'ads', 'ad', 'ppc', 'paid'],
    social: ['社交', '社交媒体', '公众号', '微信公众号', '抖音', '小红书', '微博', '领英', 'linkedin', 'socialmedia'],
    partner: ['合作伙伴', '伙伴', '代理商', '渠道伙伴', '渠道商', '经销商', 'reseller', 'channelpartner'],
    cold_list: ['名单', '目标客户名单', '外呼名单', '购买名单', '数据名单', 'coldlist', 'list', 'targetaccountlist', 'abm'],
    other: ['其他', '其它', '未知'],
  },
  priority: {
    '1': ['p1', '高', '紧急', '重要', 'high', 'urgent'],
    '2': ['p2', '中', '一般', '普通', 'normal', 'medium'],
    '3': ['p3', '低', '较低', 'low'],
  },
};

const CANONICAL: Readonly<Record<EnumField, readonly string[]>> = {
  kind: LEAD_KINDS,
  temperature: TEMPERATURES,
  status: LEAD_STATUSES,
  sourceChannel: SOURCE_CHANNELS,
  priority: ['1', '2', '3'],
};

function buildLookup(field: EnumField): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const value of CANONICAL[field]) map.set(normalizeLabel(value), value);
  for (const [value, words] of Object.entries(WORDS[field])) for (const w of words) map.set(normalizeLabel(w), value);
  return map;
}

const LOOKUP: Readonly<Record<EnumField, ReadonlyMap<string, string>>> = {
  kind: buildLookup('kind'),
  temperature: buildLookup('temperature'),
  status: buildLookup('status'),
  sourceChannel: buildLookup('sourceChannel'),
  priority: buildLookup('priority'),
};

/**
 * The canonical value a cell stands for, or null when the dictionary does not know it (the caller
 * decides whether that is an error). A blank cell maps to '' (use the default).
 */
export function mapEnumValue(field: EnumField, raw: string): string | null {
  const key = normalizeLabel(raw);
  if (key === '') return '';
  return LOOKUP[field].get(key) ?? null;
}
