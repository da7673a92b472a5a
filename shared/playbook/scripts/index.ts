import type { Script } from '../../model/script';
import { INBOUND_SCRIPT_EN } from './inbound.en';
import { INBOUND_SCRIPT_ZH } from './inbound.zh-CN';
import { OUTBOUND_SCRIPT_EN } from './outbound.en';
import { OUTBOUND_SCRIPT_ZH } from './outbound.zh-CN';

export { INBOUND_SCRIPT_EN, INBOUND_SCRIPT_ZH, OUTBOUND_SCRIPT_EN, OUTBOUND_SCRIPT_ZH };

/**
 * The discovery scripts the product ships, for any industry: inbound and outbound, each in zh-CN
 * and en. Next to a team's own scripts, pickScript prefers the better fit (language, industry) and
 * then the higher version.
 */
export const DEFAULT_SCRIPTS: readonly Script[] = [INBOUND_SCRIPT_ZH, INBOUND_SCRIPT_EN, OUTBOUND_SCRIPT_ZH, OUTBOUND_SCRIPT_EN];
