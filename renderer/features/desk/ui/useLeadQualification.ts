import { useMemo } from 'react';
import type { Call } from '../../../../shared/model/call';
import type { Facts } from '../../../../shared/model/facts';
import type { Lead } from '../../../../shared/model/lead';
import { latestRevisions, type Note } from '../../../../shared/model/note';
import type { Answers, Script } from '../../../../shared/model/script';
import { routeHandoff, routingInputFromFacts } from '../../../../shared/rules/handoffRouting';
import { draftHandoffSummary } from '../../../../shared/rules/handoffSummary';
import { qualifyLead } from '../../../../shared/rules/qualification';
import { factsFromAnswers, scriptProgress } from '../../../../shared/rules/scriptBranching';
import { findScript, type TeamPlaybook } from '../../playbook';

interface Input {
  readonly lead: Lead;
  readonly playbook: TeamPlaybook;
  /** Oldest first does not matter: they are ordered here. */
  readonly calls: readonly Call[];
  readonly notes: readonly Note[];
  /** The script and answers on screen (the open call's, with edits not yet stored). */
  readonly script: Script | null;
  readonly answers: Answers;
  readonly openCallId: string | null;
  readonly tagLabel: (tag: string) => string;
  readonly language: string;
}

/**
 * What every call so far has learned (later answers win), checked against the team's criteria,
 * routed by the team's rules, and drafted as the summary sales will read.
 */
export function useLeadQualification({ lead, playbook, calls, notes, script, answers, openCallId, tagLabel, language }: Input) {
  return useMemo(() => {
    let facts: Facts = {};
    for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
      if (call.id === openCallId) continue;
      const used = findScript(playbook.allScripts, call.scriptId, call.scriptVersion);
      if (used) facts = { ...facts, ...factsFromAnswers(used, call.answers) };
    }
    if (script) facts = { ...facts, ...factsFromAnswers(script, answers) };
    const requiredMissing = script ? scriptProgress(script, answers).requiredMissing : ['script'];
    const qualification = qualifyLead(playbook.criteria, { facts, tags: lead.tags, lead, requiredMissing });
    const routingInput = routingInputFromFacts(facts, lead);
    const route = routeHandoff(playbook.routing, routingInput);
    const summary = draftHandoffSummary({
      lead,
      script,
      answers,
      notes: latestRevisions(notes).map((n) => n.text),
      tagLabels: lead.tags.map(tagLabel),
      language,
    });
    return { facts, qualification, route, routingInput, summary };
  }, [lead, playbook, calls, notes, script, answers, openCallId, tagLabel, language]);
}
