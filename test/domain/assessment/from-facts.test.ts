// The questionnaire starts from what the recorded kind of incident already tells (issue 11).
import { describe, expect, it } from 'vitest';
import { prefillFromIncident } from '../../../src/domain/assessment/from-facts.js';
import { INCIDENT_CATEGORIES } from '../../../src/domain/breach/incident-category.js';

describe('pre-filling "is a copy of the data out of your hands?" from the kind of incident', () => {
  it('says yes for a lost or stolen device or paper, a mis-sent e-mail or letter, data published by mistake', () => {
    const yes = INCIDENT_CATEGORIES.filter((c) => prefillFromIncident({}, c).copyOutOfControl === true);
    expect(yes).toEqual(['lost_or_stolen', 'mis_sent', 'published_by_mistake']);
  });

  it('leaves it open where the kind of incident does not tell (ransomware may or may not have copied the data)', () => {
    for (const c of ['malware', 'hacking', 'phishing', 'employee_access', 'system_failure', 'other'] as const) {
      expect(prefillFromIncident({ role: 'controller' }, c)).toEqual({ role: 'controller' });
    }
    expect(prefillFromIncident({ role: 'controller' }, undefined)).toEqual({ role: 'controller' });
  });

  it('keeps an answer already given, "not known" included', () => {
    expect(prefillFromIncident({ copyOutOfControl: false }, 'lost_or_stolen').copyOutOfControl).toBe(false);
    expect(prefillFromIncident({ copyOutOfControl: null }, 'lost_or_stolen').copyOutOfControl).toBeNull();
  });
});
