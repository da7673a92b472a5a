import { describe, expect, it } from 'vitest';
import { checkMapping, guessColumnMapping, guessColumnTarget } from '../../../renderer/features/import/columnMapping';
import { mapEnumValue } from '../../../renderer/features/import/valueDictionary';

describe('guessColumnMapping', () => {
  it('maps Chinese headers, phones from several columns', () => {
    const headers = ['公司名称', '联系人', '职务', '手机号', '座机', '电子邮件', '微信号', '渠道', '活动', '行业', '省份', '热度', '状态', '负责人', '优先级', '类型', '标签'];
    expect(guessColumnMapping(headers)).toEqual([
      'company', 'contactName', 'title', 'phones', 'phones', 'email', 'wechatId', 'sourceChannel', 'campaign', 'industry',
      'region', 'temperature', 'status', 'owner', 'priority', 'kind', 'tags',
    ]);
  });

  it('maps English headers, ignoring case, spaces and punctuation', () => {
    const headers = ['Account Name', 'Contact', 'Job Title', 'Mobile', 'Tel.', 'E-mail', 'WeChat ID', 'Lead Source', 'Campaign', 'INDUSTRY', 'Region', 'Temperature', 'Status', 'Owner', 'Priority', 'Type', 'Tags'];
    expect(guessColumnMapping(headers)).toEqual([
      'company', 'contactName', 'title', 'phones', 'phones', 'email', 'wechatId', 'sourceChannel', 'campaign', 'industry',
      'region', 'temperature', 'status', 'owner', 'priority', 'kind', 'tags',
    ]);
  });

  it('reads longer Chinese phrases, contact words first', () => {
    expect(guessColumnTarget('公司电话')).toBe('phones');
    expect(guessColumnTarget('联系人手机')).toBe('phones');
    expect(guessColumnTarget('公司邮箱')).toBe('email');
    expect(guessColumnTarget('所属公司')).toBe('company');
    expect(guessColumnTarget(' 手机号： ')).toBe('phones');
    expect(guessColumnTarget('ＥＭＡＩＬ')).toBe('email');
  });

  it('keeps unknown columns as custom fields, ignores blank headers, and maps a field once', () => {
    expect(guessColumnMapping(['公司', '备注', '', '企业名称'])).toEqual(['company', 'custom', 'ignore', 'custom']);
  });
});

describe('checkMapping', () => {
  it('needs a company and a way to reach someone', () => {
    expect(checkMapping(['contactName', 'custom'], ['姓名', '备注'])).toEqual([{ code: 'companyMissing' }, { code: 'contactMissing' }]);
    expect(checkMapping(['company', 'wechatId'], ['公司', '微信'])).toEqual([]);
    expect(checkMapping(['company', 'email'], ['公司', '邮箱'])).toEqual([]);
  });

  it('refuses one single-valued field on two columns', () => {
    expect(checkMapping(['company', 'phones', 'company'], ['公司', '电话', '企业'])).toEqual([
      { code: 'duplicateTarget', target: 'company', columns: ['公司', '企业'] },
    ]);
  });
});

describe('mapEnumValue', () => {
  it('maps Chinese and English spellings of enumerations', () => {
    expect(['热', '温', '冷', 'Hot', ' COLD '].map((v) => mapEnumValue('temperature', v))).toEqual(['hot', 'warm', 'cold', 'hot', 'cold']);
    expect(['官网', '官网表单', '展会', '活动', '转介绍', '百度推广', 'Website Form', 'paid_ads'].map((v) => mapEnumValue('sourceChannel', v))).toEqual([
      'website_form', 'website_form', 'event', 'event', 'referral', 'paid_ads', 'website_form', 'paid_ads',
    ]);
    expect(['呼入', '外呼', 'Inbound'].map((v) => mapEnumValue('kind', v))).toEqual(['inbound', 'outbound', 'inbound']);
    expect(['跟进中', '不合格', 'new'].map((v) => mapEnumValue('status', v))).toEqual(['working', 'disqualified', 'new']);
    expect(['P1', '高', '3'].map((v) => mapEnumValue('priority', v))).toEqual(['1', '1', '3']);
  });

  it('says when it does not know a value, and blank means default', () => {
    expect(mapEnumValue('temperature', '很烫')).toBeNull();
    expect(mapEnumValue('status', '')).toBe('');
  });
});
