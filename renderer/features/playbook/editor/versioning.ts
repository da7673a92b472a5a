import type { Script } from '../../../../shared/model/script';
import { canonicalJson } from './draft';

/**
 * The version a script is published as. Calls record a script's id and version and old calls show
 * the questions of theirs, so a published id@version never changes content: an edited script takes
 * the next version after every one of its id this device knows. A script equal to a known version,
 * or with an id never published, keeps the version it has.
 */
export function publishedVersion(script: Script, known: readonly Script[]): number {
  const sameId = known.filter((k) => k.id === script.id);
  if (sameId.length === 0) return script.version;
  const same = sameId.find((k) => k.version === script.version);
  if (same && canonicalJson(same) === canonicalJson(script)) return script.version;
  return Math.max(...sameId.map((k) => k.version)) + 1;
}

export function withPublishedVersions(scripts: readonly Script[], known: readonly Script[]): Script[] {
  return scripts.map((script) => {
    const version = publishedVersion(script, known);
    return version === script.version ? script : { ...script, version };
  });
}
