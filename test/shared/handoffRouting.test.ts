import { describe, expect, it } from 'vitest';
import type { Routing, RoutingRule } from '../../shared/model/playbook';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { routeHandoff, routingInputFromFacts, type RoutingInput } from '../../shared/rules/handoffRouting';

const routing = DEFAULT_PLAYBOOK.routing;
const route = (input: Partial<RoutingInput>) =>
  routeHandoff(routing, { productLine: null, dealSize: null, region: '上海', ...input });

describe('routeHandoff with the default rules', () => {
  it('sends a large deal to the enterprise team whatever product line the SDR picked', () => {
    expect(route({ productLine: 'automation', dealSize: 1_500_000 })).toEqual({
      ruleId: 'enterprise',
      owner: { id: 'sales-enterprise', name: 'Enterprise team' },
    });
    expect(route({ productLine: 'analytics', dealSize: 500_000 }).ruleId).toBe('enterprise');
    expect(route({ productLine: null, dealSize: 2_000_000, region: 'Singapore' }).ruleId).toBe('enterprise');
  });

  it('routes smaller deals by product line', () => {
    expect(route({ productLine: 'automation', dealSize: 499_999 }).owner).toEqual({ id: 'wang-fang', name: 'Wang Fang' });
    expect(route({ productLine: 'leadmgmt', dealSize: 80_000 }).owner.name).toBe('Li Wei');
    expect(route({ productLine: 'analytics', dealSize: null }).owner.name).toBe('Chen Jing');
  });

  it('routes overseas and Greater China leads to the international team, matching region case-insensitively', () => {
    expect(route({ productLine: 'automation', dealSize: 100_000, region: 'singapore' }).ruleId).toBe('international');
    expect(route({ productLine: 'automation', dealSize: 100_000, region: ' HONG KONG ' }).ruleId).toBe('international');
    expect(route({ productLine: 'automation', dealSize: 100_000, region: '香港' }).ruleId).toBe('international');
  });

  it('falls back to the sales desk when nothing matches', () => {
    expect(route({ productLine: null, dealSize: 100_000 })).toEqual({ ruleId: null, owner: { id: 'sales-desk', name: 'Sales desk' } });
    expect(route({ productLine: 'unknown-line', dealSize: null })).toEqual({ ruleId: null, owner: routing.fallback });
  });
});

describe('routeHandoff rule semantics', () => {
  const owner = (id: string) => ({ id, name: id });
  const rule = (id: string, over: Partial<RoutingRule> = {}): RoutingRule => ({
    id,
    productLines: [],
    minDealSize: null,
    maxDealSize: null,
    regions: [],
    owner: owner(id),
    ...over,
  });
  const custom: Routing = {
    productLines: [{ id: 'a', label: { en: 'A', 'zh-CN': 'A' } }],
    rules: [
      rule('mid', { minDealSize: 100, maxDealSize: 200 }),
      rule('north', { regions: ['North China', '华北'] }),
      rule('a-any', { productLines: ['a'] }),
      rule('small', { maxDealSize: 99 }),
    ],
    fallback: owner('desk'),
  };
  const at = (input: Partial<RoutingInput>) =>
    routeHandoff(custom, { productLine: null, dealSize: null, region: '', ...input }).ruleId;

  it('bounds are inclusive at both ends', () => {
    expect(at({ dealSize: 100 })).toBe('mid');
    expect(at({ dealSize: 200 })).toBe('mid');
    expect(at({ dealSize: 200.01 })).toBeNull();
    expect(at({ dealSize: 99.5 })).toBeNull();
    expect(at({ dealSize: 99 })).toBe('small');
    expect(at({ dealSize: 0 })).toBe('small');
  });

  it('a rule with a size bound does not match an unknown deal size', () => {
    expect(at({ dealSize: null })).toBeNull();
    expect(at({ dealSize: null, productLine: 'a' })).toBe('a-any');
  });

  it('the first matching rule wins', () => {
    expect(at({ dealSize: 150, productLine: 'a', region: '华北' })).toBe('mid');
    expect(at({ dealSize: 500, productLine: 'a', region: 'north china' })).toBe('north');
    expect(at({ dealSize: 500, productLine: 'a', region: 'South China' })).toBe('a-any');
  });

  it('an empty rule list always uses the fallback', () => {
    expect(routeHandoff({ ...custom, rules: [] }, { productLine: 'a', dealSize: 1, region: 'x' })).toEqual({ ruleId: null, owner: owner('desk') });
  });
});

describe('routingInputFromFacts', () => {
  it.each([
    [{ productLine: 'automation', dealSize: 300_000 }, { productLine: 'automation', dealSize: 300_000 }],
    [{ productLine: ['analytics', 'automation'], dealSize: '1,500,000' }, { productLine: 'analytics', dealSize: 1_500_000 }],
    [{ productLine: ' leadmgmt ', dealSize: ' 80000 ' }, { productLine: 'leadmgmt', dealSize: 80_000 }],
    [{ productLine: '', dealSize: 'about a million' }, { productLine: null, dealSize: null }],
    [{ productLine: [], dealSize: -5 }, { productLine: null, dealSize: null }],
    [{ productLine: 42, dealSize: Number.NaN }, { productLine: null, dealSize: null }],
    [{}, { productLine: null, dealSize: null }],
  ])('%j → %j', (facts, expected) => {
    expect(routingInputFromFacts(facts, { region: '北京' })).toEqual({ ...expected, region: '北京' });
  });

  it('end to end: an SDR cannot send a 1,500,000 automation deal to the automation rep', () => {
    const input = routingInputFromFacts({ productLine: 'automation', dealSize: '1500000' }, { region: '上海' });
    expect(routeHandoff(routing, input).owner.id).toBe('sales-enterprise');
  });
});
