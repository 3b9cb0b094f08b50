/**
 * Use-cases of målbilder (goal pictures per district): chairs write the goal statements
 * and add indicators; members with the right role enter readings.
 */
import { DomainError, notAllowed, notFound } from '../../domain/errors.js';
import type { IndicatorFormValue } from '../../domain/malbilder/malbildForm.js';
import type { Malbild } from '../../domain/malbilder/malbild.js';
import { malbildIdFor } from '../../domain/malbilder/permissions.js';
import type { ReadingFormValue } from '../../domain/malbilder/readingForm.js';
import { nextId } from '../../domain/promise/currentPromise.js';
import type { Stored } from '../../store/versionedRepository.js';
import type { Services } from '../services.js';
import type { PromiseActor } from './actor.js';

/** The configured district whose name matches (case- and accent-tolerant), e.g. "skaggetorp" → "Skäggetorp". */
export function matchDistrict(s: Services, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const key = malbildIdFor(name);
  return s.config.DISTRICTS.find((d) => malbildIdFor(d) === key);
}

export async function getMalbild(s: Services, district: string): Promise<Stored<Malbild> | null> {
  return s.repos.malbilder.get(malbildIdFor(district));
}

/** Creates the district's målbild on first save; later saves name the version the card showed. */
export async function saveStatements(s: Services, district: string, expectedVersion: number | undefined, statements: string[], actor: PromiseActor): Promise<Stored<Malbild>> {
  if (!actor.isChair) throw notAllowed('edit malbild');
  const id = malbildIdFor(district);
  const existing = await s.repos.malbilder.get(id);
  if (!existing) return s.repos.malbilder.create(id, { id, district, statements, indicators: [] }, actor.id, 'malbild.create');
  return s.repos.malbilder.update(id, expectedVersion ?? -1, { ...existing.data, statements }, actor.id, 'malbild.statements');
}

export async function addIndicator(s: Services, district: string, form: IndicatorFormValue, actor: PromiseActor): Promise<Stored<Malbild>> {
  if (!actor.isChair) throw notAllowed('add indicator');
  const id = malbildIdFor(district);
  const stored = await s.repos.malbilder.mutate(id, actor.id, 'indicator.add', (m) => {
    const base: Malbild = m ?? { id, district, statements: [], indicators: [] };
    const indicatorId = nextId('i', base.indicators.map((i) => i.id));
    return { ...base, indicators: [...base.indicators, { id: indicatorId, ...form, readings: [] }] };
  });
  if (!stored) throw new DomainError('conflict', 'malbild unchanged');
  return stored;
}

/** Readings are appended (never a stale write: two people entering readings do not collide). */
export async function addReading(s: Services, malbildId: string, form: ReadingFormValue, actor: PromiseActor): Promise<Stored<Malbild>> {
  const stored = await s.repos.malbilder.mutate(malbildId, actor.id, `reading.add ${form.indicatorId}`, (m) => {
    if (!m) throw notFound('malbild', malbildId);
    if (!m.indicators.some((i) => i.id === form.indicatorId)) throw notFound('indicator', form.indicatorId);
    const reading = { value: form.value, date: form.date, by: actor.aadObjectId ?? actor.id };
    return { ...m, indicators: m.indicators.map((i) => (i.id === form.indicatorId ? { ...i, readings: [...i.readings, reading] } : i)) };
  });
  if (!stored) throw new DomainError('conflict', 'malbild unchanged');
  return stored;
}
