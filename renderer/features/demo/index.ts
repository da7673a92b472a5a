export { loadDemoLeads, DEMO_BATCH_ID, DEMO_LEAD_COUNT } from './mutations';
export { generateDemoLeads } from './demoLeads';
export { DemoOffer } from './DemoOffer';
