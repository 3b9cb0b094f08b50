import { describe, expect, it } from 'vitest';
import { inputAnswerSchema, inputLimits, type InputAnswer } from '../../../../src/domain/inputs/answer.js';

const valid: InputAnswer = {
  districts: [{ district: 'Berga', trend: 'samre', situation: 'Fler bränder i soprum.' }],
  themes: ['skadegorelse'],
  otherTheme: 'Mopedbuskörning',
  questions: [{ text: 'Kan ni öka närvaron kvällstid?', priority: 'hog' }],
  agendaItems: ['Trygghetsvandring i Berga'],
  needs: 'Fler fältassistenter',
  sensitivity: 'intern',
};

describe('inputAnswerSchema', () => {
  it('accepts a full answer unchanged', () => {
    expect(inputAnswerSchema.parse(valid)).toEqual(valid);
  });

  it('accepts a minimal answer', () => {
    const minimal = { districts: [], themes: [], questions: [], agendaItems: [], sensitivity: 'oppen' };
    expect(inputAnswerSchema.parse(minimal)).toEqual(minimal);
  });

  const invalid: [string, unknown, string][] = [
    ['unknown trend', { ...valid, districts: [{ district: 'Berga', trend: 'bra', situation: '' }] }, 'districts.0.trend'],
    ['situation too long', { ...valid, districts: [{ district: 'Berga', trend: 'samre', situation: 'x'.repeat(inputLimits.situation + 1) }] }, 'districts.0.situation'],
    ['six questions', { ...valid, questions: Array.from({ length: 6 }, () => ({ text: 'Fråga', priority: 'lag' })) }, 'questions'],
    ['empty question text', { ...valid, questions: [{ text: '', priority: 'lag' }] }, 'questions.0.text'],
    ['question too long', { ...valid, questions: [{ text: 'x'.repeat(501), priority: 'lag' }] }, 'questions.0.text'],
    ['unknown priority', { ...valid, questions: [{ text: 'Fråga', priority: 'akut' }] }, 'questions.0.priority'],
    ['six agenda items', { ...valid, agendaItems: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'agendaItems'],
    ['agenda item too long', { ...valid, agendaItems: ['x'.repeat(301)] }, 'agendaItems.0'],
    ['other theme too long', { ...valid, otherTheme: 'x'.repeat(201) }, 'otherTheme'],
    ['needs too long', { ...valid, needs: 'x'.repeat(2001) }, 'needs'],
    ['empty needs (absent instead)', { ...valid, needs: '' }, 'needs'],
    ['unknown sensitivity', { ...valid, sensitivity: 'hemlig' }, 'sensitivity'],
    ['sensitivity missing', { ...valid, sensitivity: undefined }, 'sensitivity'],
  ];
  it.each(invalid)('refuses %s', (_label, input, path) => {
    const r = inputAnswerSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
