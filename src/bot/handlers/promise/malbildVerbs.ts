/** Action.Execute handlers of målbilder: chairs edit statements and add indicators; members enter readings. */
import type { AdaptiveCard } from '../../../../cards/kit.js';
import { card, text } from '../../../../cards/kit.js';
import { malbildCard } from '../../../../cards/promise/malbildCard.js';
import { indicatorFormCard, readingFormCard, statementsFormCard } from '../../../../cards/promise/malbildForms.js';
import type { VerbData } from '../../../../cards/verbs.js';
import { notFound } from '../../../domain/errors.js';
import { parseIndicatorForm, parseStatementsForm } from '../../../domain/malbilder/malbildForm.js';
import { canEditMalbild, canEnterReading } from '../../../domain/malbilder/permissions.js';
import { parseReadingForm } from '../../../domain/malbilder/readingForm.js';
import { addIndicator, addReading, getMalbild, matchDistrict, saveStatements } from '../../../services/promise/malbilder.js';
import { todayOf } from '../../../services/promise/today.js';
import type { RequestContext } from '../../requestContext.js';
import { refusal } from '../../refusal.js';
import { actorOf, onStale, requireChair, requirePermission, stringValues } from './guards.js';

function districtOf(rc: RequestContext, name: string): string {
  const d = matchDistrict(rc.s, name);
  if (!d) throw notFound('district', 'unknown');
  return d;
}

export async function malbildView(rc: RequestContext, district: string, lead?: string): Promise<AdaptiveCard> {
  const stored = await getMalbild(rc.s, district);
  const rights = { canEdit: canEditMalbild(rc.roles), canEnterReading: canEnterReading(rc.roles, district, rc.forums.map((f) => f.data)) };
  return malbildCard(rc.m, district, stored?.data ?? null, rights, lead);
}

export async function showMalbild(rc: RequestContext, data: VerbData<'malbild.show'>): Promise<AdaptiveCard> {
  requirePermission(rc, 'viewGoals');
  return malbildView(rc, districtOf(rc, data.district));
}

export async function openStatements(rc: RequestContext, data: VerbData<'malbild.edit'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const district = districtOf(rc, data.district);
  const stored = await getMalbild(rc.s, district);
  return statementsFormCard(rc.m, district, stored ? { version: stored.version, statements: stored.data.statements.join('\n') } : {});
}

export async function saveStatementsVerb(rc: RequestContext, data: VerbData<'malbild.save'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const district = districtOf(rc, data.district);
  const raw = data as Record<string, unknown>;
  const parsed = parseStatementsForm(raw);
  if (!parsed.ok) return refusal(statementsFormCard(rc.m, district, { ...(data.version !== undefined ? { version: data.version } : {}), statements: stringValues(raw, ['statements']).statements ?? '', errors: parsed.fieldErrors }));
  return onStale(
    async () => {
      await saveStatements(rc.s, district, data.version, parsed.value.statements, actorOf(rc));
      return malbildView(rc, district, rc.m.promise.malbildSaved);
    },
    async () => {
      const latest = await getMalbild(rc.s, district);
      return statementsFormCard(rc.m, district, { ...(latest ? { version: latest.version, statements: latest.data.statements.join('\n') } : {}), banner: rc.m.errors.staleWrite });
    },
  );
}

export async function openIndicator(rc: RequestContext, data: VerbData<'malbild.indicatorNew'>): Promise<AdaptiveCard> {
  requireChair(rc);
  return indicatorFormCard(rc.m, districtOf(rc, data.district));
}

export async function saveIndicatorVerb(rc: RequestContext, data: VerbData<'malbild.indicatorSave'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const district = districtOf(rc, data.district);
  const raw = data as Record<string, unknown>;
  const parsed = parseIndicatorForm(raw);
  if (!parsed.ok) {
    const values = stringValues(raw, ['name', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'] as const);
    return refusal(indicatorFormCard(rc.m, district, { values, errors: parsed.fieldErrors }));
  }
  await addIndicator(rc.s, district, parsed.value, actorOf(rc));
  return malbildView(rc, district, rc.m.promise.malbildSaved);
}

function readingAllowed(rc: RequestContext, district: string): boolean {
  return canEnterReading(rc.roles, district, rc.forums.map((f) => f.data));
}

export async function openReading(rc: RequestContext, data: VerbData<'malbild.readingOpen'>): Promise<AdaptiveCard> {
  const district = districtOf(rc, data.district);
  if (!readingAllowed(rc, district)) return card([text(rc.m.promise.readingNotAllowed, { color: 'Attention' })]);
  const stored = await getMalbild(rc.s, district);
  if (!stored) return malbildView(rc, district);
  return readingFormCard(rc.m, district, stored.data.indicators, todayOf(rc.s));
}

export async function saveReadingVerb(rc: RequestContext, data: VerbData<'malbild.readingSave'>): Promise<AdaptiveCard> {
  const district = districtOf(rc, data.district);
  if (!readingAllowed(rc, district)) return card([text(rc.m.promise.readingNotAllowed, { color: 'Attention' })]);
  const stored = await getMalbild(rc.s, district);
  if (!stored) return malbildView(rc, district);
  const raw = data as Record<string, unknown>;
  const today = todayOf(rc.s);
  const parsed = parseReadingForm(raw, { indicatorIds: stored.data.indicators.map((i) => i.id), today });
  if (!parsed.ok) return refusal(readingFormCard(rc.m, district, stored.data.indicators, today, { values: stringValues(raw, ['indicator', 'value', 'date'] as const), errors: parsed.fieldErrors }));
  await addReading(rc.s, stored.id, parsed.value, actorOf(rc));
  return malbildView(rc, district, rc.m.promise.readingSaved);
}
