import { v7 as uuidv7 } from 'uuid';
import type { Lead } from '../../shared/model/lead';

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  const now = 1_750_000_000_000;
  return {
    id: uuidv7(),
    kind: 'inbound',
    company: '甲乙测试科技有限公司',
    contactName: '王芳',
    title: '市场总监',
    phones: ['+8613800138000'],
    wechatId: '',
    email: 'wang.fang@example.cn',
    industry: 'SaaS',
    region: '上海',
    timeZone: 'Asia/Shanghai',
    sourceChannel: 'website_form',
    campaign: '',
    temperature: 'warm',
    status: 'new',
    owner: '',
    priority: 2,
    customFields: {},
    tags: [],
    createdAt: now,
    updatedAt: now,
    firstContactedAt: null,
    lastContactedAt: null,
    nextCallbackAt: null,
    doNotCall: false,
    importBatchId: null,
    ...overrides,
  };
}
