/**
 * What changed between two public versions, so a chair republishing sees it before
 * confirming. Items are matched by their public ids (stable across versions); a change
 * names the fields that differ, and the item's text so the chair recognises it.
 */
import type { PublicAction, PublicCommitment, PublicGoal, PublicIndicator, PublicVersion } from './publicVersion.js';

export const changeKinds = ['added', 'removed', 'changed'] as const;
export type ChangeKind = (typeof changeKinds)[number];
export const changedItems = ['promise', 'commitment', 'action', 'followUp', 'goal', 'indicator'] as const;
export type ChangedItem = (typeof changedItems)[number];

export interface PublicChange {
  kind: ChangeKind;
  item: ChangedItem;
  /** The item's text (an action's text, an indicator's name, a follow-up's tertial and text). */
  label: string;
  /** For 'changed': the names of the fields that differ. */
  fields: string[];
}

/** Every change from `before` to `after`; empty when nothing public changed (asOf aside). */
export function diffPublicVersions(before: PublicVersion, after: PublicVersion): PublicChange[] {
  const out: PublicChange[] = [];
  const promiseFields = fieldsChanged(before.promise, after.promise, []);
  if (promiseFields.length > 0) out.push({ kind: 'changed', item: 'promise', label: after.promise.title, fields: promiseFields });

  matchById(before.commitments, after.commitments, (b, a) => {
    if (!a) return out.push({ kind: 'removed', item: 'commitment', label: b!.text, fields: [] });
    if (!b) {
      out.push({ kind: 'added', item: 'commitment', label: a.text, fields: [] });
      for (const x of a.actions) out.push({ kind: 'added', item: 'action', label: x.text, fields: [] });
      return;
    }
    const f = fieldsChanged(b, a, ['actions', 'counts']);
    if (f.length > 0) out.push({ kind: 'changed', item: 'commitment', label: a.text, fields: f });
    diffActions(b, a, out);
  });

  matchById(before.goals, after.goals, (b, a) => {
    if (!a) return out.push({ kind: 'removed', item: 'goal', label: b!.district, fields: [] });
    if (!b) return out.push({ kind: 'added', item: 'goal', label: a.district, fields: [] });
    const f = fieldsChanged(b, a, ['indicators']);
    if (f.length > 0) out.push({ kind: 'changed', item: 'goal', label: a.district, fields: f });
    diffIndicators(b, a, out);
  });
  return out;
}

function diffActions(before: PublicCommitment, after: PublicCommitment, out: PublicChange[]): void {
  matchById(before.actions, after.actions, (b, a) => {
    if (!a) return out.push({ kind: 'removed', item: 'action', label: b!.text, fields: [] });
    if (!b) return out.push({ kind: 'added', item: 'action', label: a.text, fields: [] });
    const f = fieldsChanged(b, a, ['followUps', 'bucket']);
    if (f.length > 0) out.push({ kind: 'changed', item: 'action', label: a.text, fields: f });
    diffFollowUps(b, a, out);
  });
}

function diffFollowUps(before: PublicAction, after: PublicAction, out: PublicChange[]): void {
  const label = (f: PublicAction['followUps'][number]) => `${f.tertial}: ${f.text}`;
  for (const a of after.followUps) {
    const b = before.followUps.find((x) => x.tertial === a.tertial);
    if (!b) out.push({ kind: 'added', item: 'followUp', label: label(a), fields: [] });
    else {
      const f = fieldsChanged(b, a, []);
      if (f.length > 0) out.push({ kind: 'changed', item: 'followUp', label: label(a), fields: f });
    }
  }
  for (const b of before.followUps) if (!after.followUps.some((x) => x.tertial === b.tertial)) out.push({ kind: 'removed', item: 'followUp', label: label(b), fields: [] });
}

function diffIndicators(before: PublicGoal, after: PublicGoal, out: PublicChange[]): void {
  matchById<PublicIndicator>(before.indicators, after.indicators, (b, a) => {
    if (!a) return out.push({ kind: 'removed', item: 'indicator', label: b!.name, fields: [] });
    if (!b) return out.push({ kind: 'added', item: 'indicator', label: a.name, fields: [] });
    const f = fieldsChanged(b, a, []);
    if (f.length > 0) out.push({ kind: 'changed', item: 'indicator', label: a.name, fields: f });
  });
}

/** Calls `visit` for each pair by id: after's order first, then what was removed. */
function matchById<T extends { id: string }>(before: readonly T[], after: readonly T[], visit: (b: T | undefined, a: T | undefined) => unknown): void {
  for (const a of after) visit(before.find((b) => b.id === a.id), a);
  for (const b of before) if (!after.some((a) => a.id === b.id)) visit(b, undefined);
}

function fieldsChanged(before: object, after: object, ignore: readonly string[]): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const names = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...names].filter((k) => !ignore.includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}
