/**
 * What a discovery call learns, keyed by the slot a script question fills. Hand-off criteria and
 * routing read facts, not question ids, so they work with every script variant (inbound, outbound,
 * per industry, per language). A slot is also the lead's custom field the answer is copied to.
 */
export const FACT_KEYS = [
  'teamSize', // number: people in the prospect's marketing team
  'currentTools', // tools they use today
  'need', // single choice: 'confirmed' | 'exploring' | 'none'
  'goals',
  'painPoints',
  'decisionMaker', // who signs: name or role
  'decisionProcess',
  'timelineMonths', // number: months until they want a solution live
  'budgetRange', // single choice id
  'dealSize', // number: estimated yearly deal size in the team's currency
  'productLine', // single choice: a product line id from the routing rules
  'nextStep',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export type FactValue = string | number | readonly string[];
/** Keys are FACT_KEYS or a team's own slot names. */
export type Facts = Readonly<Record<string, FactValue>>;
