import { describe, expect, it } from 'vitest';
import { holdsRestrictedAgendaText, PRUNED_TITLE, withoutRestrictedAgendaText } from '../../../../src/domain/agenda/retention.js';
import { agendaOf, MARK, meetingSnapshots } from '../../lagesbild/fixture.js';

describe('agenda retention', () => {
  const agenda = agendaOf(meetingSnapshots().s2);

  it('the fixture’s agenda (steering version) holds intern text and öppen text', () => {
    expect(JSON.stringify(agenda)).toContain(MARK.intern);
    expect(JSON.stringify(agenda)).toContain(MARK.oppen);
    expect(holdsRestrictedAgendaText(agenda)).toBe(true);
  });

  it('pruned: no intern or känslig text, öppen text, places, time boxes and sensitivities stay', () => {
    const pruned = withoutRestrictedAgendaText(agenda);
    expect(JSON.stringify(pruned)).not.toContain(MARK.intern);
    expect(JSON.stringify(pruned)).not.toContain(MARK.kanslig);
    expect(JSON.stringify(pruned)).toContain(MARK.oppen);
    expect(pruned.items.map((i) => [i.id, i.minutes, i.sensitivity])).toEqual(agenda.items.map((i) => [i.id, i.minutes, i.sensitivity]));
    expect(pruned.items.filter((i) => i.sensitivity !== 'oppen').every((i) => i.title === PRUNED_TITLE)).toBe(true);
    expect(pruned.totalMinutes).toBe(agenda.totalMinutes);
  });

  it('is idempotent: a pruned agenda holds nothing more to prune', () => {
    const pruned = withoutRestrictedAgendaText(agenda);
    expect(holdsRestrictedAgendaText(pruned)).toBe(false);
    expect(withoutRestrictedAgendaText(pruned)).toEqual(pruned);
  });
});
