import type { TagGroup } from '../../../shared/model/playbook';
import { localize } from '../../../shared/model/localized';

/** A tag as people read it: the taxonomy's label for a team tag, the text itself for a free tag. */
export function tagLabel(taxonomy: readonly TagGroup[], tag: string, language: string): string {
  for (const group of taxonomy) {
    const def = group.tags.find((t) => t.id === tag);
    if (def) return localize(def.label, language);
  }
  return tag;
}
