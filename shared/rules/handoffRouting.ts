import type { Facts } from '../model/facts';
import type { Lead } from '../model/lead';
import type { Routing, RoutingRule, SalesOwner } from '../model/playbook';
import { factAsNumber } from './qualification';

export interface RoutingInput {
  productLine: string | null;
  dealSize: number | null;
  region: string;
}

/** ruleId is null when no rule matched and the fallback owner receives the hand-off. */
export type RouteResult = { ruleId: string | null; owner: SalesOwner };

const sameRegion = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function ruleMatches(rule: RoutingRule, input: RoutingInput): boolean {
  if (rule.productLines.length > 0 && (input.productLine === null || !rule.productLines.includes(input.productLine))) return false;
  // A size bound is a promise about the deal: an unknown size cannot keep it.
  if (rule.minDealSize !== null && (input.dealSize === null || input.dealSize < rule.minDealSize)) return false;
  if (rule.maxDealSize !== null && (input.dealSize === null || input.dealSize > rule.maxDealSize)) return false;
  if (rule.regions.length > 0 && !rule.regions.some((region) => sameRegion(region, input.region))) return false;
  return true;
}

/**
 * The sales owner for a hand-off: the first rule that matches, else the fallback. The SDR does
 * not choose the owner, so the order of the team's rules (enterprise deals first) always holds.
 */
export function routeHandoff(routing: Routing, input: RoutingInput): RouteResult {
  const rule = routing.rules.find((r) => ruleMatches(r, input));
  return rule ? { ruleId: rule.id, owner: rule.owner } : { ruleId: null, owner: routing.fallback };
}

/** Routing input from what calls learned: facts.productLine (a list's first item) and facts.dealSize. */
export function routingInputFromFacts(facts: Facts, lead: Pick<Lead, 'region'>): RoutingInput {
  const product = Object.hasOwn(facts, 'productLine') ? facts.productLine : undefined;
  const first = typeof product === 'string' ? product : typeof product === 'object' ? product[0] : undefined;
  const productLine = typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
  const size = factAsNumber(Object.hasOwn(facts, 'dealSize') ? facts.dealSize : undefined);
  return { productLine, dealSize: size !== null && size >= 0 ? size : null, region: lead.region };
}
