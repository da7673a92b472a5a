import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybookFile } from '../../shared/model/playbook';
import { parseScript } from '../../shared/model/script';
import { pickScript } from '../../shared/rules/scriptBranching';

// The file docs/playbook.md points teams to: it must keep loading as the schemas evolve.
const text = readFileSync(new URL('../../docs/playbook.example.json', import.meta.url), 'utf8');

describe('docs/playbook.example.json', () => {
  it('loads as a playbook file, and its script as a script', () => {
    const parsed = parsePlaybookFile(text);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    const scripts = (parsed.file.scripts ?? []).map(parseScript);
    expect(scripts.map((s) => (s.ok ? [] : s.errors))).toEqual([[]]);
  });

  it('its industry script is picked for an outbound manufacturing lead in Chinese', () => {
    const parsed = parsePlaybookFile(text);
    if (!parsed.ok) throw new Error('example does not parse');
    const scripts = (parsed.file.scripts ?? []).flatMap((s) => {
      const r = parseScript(s);
      return r.ok ? [r.script] : [];
    });
    expect(pickScript(scripts, { kind: 'outbound', industry: '制造' }, 'zh-CN')?.id).toBe('outbound-manufacturing-zh');
  });
});
