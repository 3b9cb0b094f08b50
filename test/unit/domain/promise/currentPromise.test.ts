import { describe, expect, it } from 'vitest';
import { currentPromise, nextId, openPromises, promiseIdFor, rankPromises } from '../../../../src/domain/promise/currentPromise.js';
import { citizenPromise } from './fixtures.js';

const stored = (id: string, over: Parameters<typeof citizenPromise>[1]) => ({ data: citizenPromise([], { id, ...over }) });

describe('currentPromise', () => {
  const closed = stored('old', { status: 'avslutat', periodFrom: '2024-01-01', periodTo: '2025-12-31' });
  const running = stored('run', { status: 'faststallt', periodFrom: '2026-01-01', periodTo: '2027-12-31' });
  const draft = stored('next', { status: 'utkast', periodFrom: '2028-01-01', periodTo: '2029-12-31', agreedBy: undefined, agreedAt: undefined });

  it('prefers the agreed promise running today, then open ones (latest first), then closed', () => {
    expect(currentPromise([closed, draft, running], '2026-06-01')?.data.id).toBe('run');
    expect(rankPromises([closed, draft, running], '2026-06-01').map((p) => p.data.id)).toEqual(['run', 'next', 'old']);
    expect(currentPromise([closed, draft, running], '2030-01-01')?.data.id).toBe('next');
    expect(currentPromise([closed], '2026-06-01')?.data.id).toBe('old');
    expect(currentPromise([], '2026-06-01')).toBeUndefined();
    expect(openPromises([closed, draft, running]).map((p) => p.data.id)).toEqual(['next', 'run']);
  });
});

describe('ids', () => {
  it('promise ids come from the period and never collide', () => {
    expect(promiseIdFor('2027-01-01', '2028-12-31', [])).toBe('lofte-2027-2028');
    expect(promiseIdFor('2027-01-01', '2028-12-31', ['lofte-2027-2028', 'lofte-2027-2028-2'])).toBe('lofte-2027-2028-3');
  });

  it('nextId is one past the highest, never reusing a gap', () => {
    expect(nextId('x', [])).toBe('x1');
    expect(nextId('x', ['x1', 'x7', 'c9', 'xx'])).toBe('x8');
  });
});
