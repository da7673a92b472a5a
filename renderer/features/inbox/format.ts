import type { Handoff } from '../../../shared/model/handoff';
import { localize } from '../../../shared/model/localized';
import type { ProductLine } from '../../../shared/model/playbook';

/** "50万" / "500K": a deal size at a glance, in the team's currency. */
export function formatDealSize(size: number, language: string): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(size);
}

export function productLineLabel(productLines: readonly ProductLine[], id: string, language: string): string {
  const line = productLines.find((p) => p.id === id);
  return line ? localize(line.label, language) : id;
}

/** "Marketing automation · 500K", or '' when neither is known. */
export function dealLine(handoff: Pick<Handoff, 'productLine' | 'dealSize'>, productLines: readonly ProductLine[], language: string): string {
  return [handoff.productLine ? productLineLabel(productLines, handoff.productLine, language) : '', handoff.dealSize !== null ? formatDealSize(handoff.dealSize, language) : '']
    .filter(Boolean)
    .join(' · ');
}

/** Who answered: the server names them; an answer not yet synced was given on this device. */
export function actorOf(handoff: Handoff, me: string): string {
  if (handoff.status === 'recalled') return handoff.fromSdr;
  return handoff.actedBy ?? me;
}
