import { effectiveStatus } from '../../src/domain/promise/actionStatus.js';
import type { CitizenPromise } from '../../src/domain/promise/promise.js';
import { canEditPromise, canUpdateAction } from '../../src/domain/promise/transitions.js';
import type { Catalog } from '../../src/i18n/index.js';
import { actionSet, card, container, execute, facts, note, text, title, type AdaptiveCard } from '../kit.js';
import { statusText } from './labels.js';

export interface PromiseViewer {
  aadObjectId: string | undefined;
  isChair: boolean;
  /** May see the follow-up (chairs and steering members). */
  canFollowUp: boolean;
}

export interface PromiseCardInput {
  promise: CitizenPromise;
  version: number;
  today: string;
  viewer: PromiseViewer;
  others?: { id: string; title: string; status: CitizenPromise['status'] }[];
  lead?: string;
  leadIsWarning?: boolean;
}

/**
 * The promise: period and status, each commitment with its action items (effective
 * status, so late items show as försenad before the nightly job ran) and the buttons the
 * viewer may use. Chairs edit; owners update their own items.
 */
/** Teams shows cards up to about 40 KB on every client; a long promise gets the compact form. */
const MAX_CARD_BYTES = 36_000;
/** Even the compact form lists at most this many items (the follow-up report has them all). */
const MAX_COMPACT_ITEMS = 150;

export function promiseCard(m: Catalog, input: PromiseCardInput): AdaptiveCard {
  const full = promiseCardIn(m, input, false);
  return Buffer.byteLength(JSON.stringify(full), 'utf8') <= MAX_CARD_BYTES ? full : promiseCardIn(m, input, true);
}

/**
 * Compact: one line per item, buttons only on the viewer's own items (a chair edits a
 * long promise item by item from "mina åtgärder" or after opening the item).
 */
function promiseCardIn(m: Catalog, input: PromiseCardInput, compact: boolean): AdaptiveCard {
  const { promise: p, viewer, today } = input;
  const t = m.promise;
  const editable = canEditPromise(p, viewer);
  const actionCount = p.commitments.reduce((n, c) => n + c.actions.length, 0);
  return card(
    [
      input.lead ? text(input.lead, input.leadIsWarning ? { color: 'Attention' } : {}) : null,
      title(t.cardTitle(p.title)),
      facts([
        [t.period, `${p.periodFrom} – ${p.periodTo}`],
        [t.status, `${t.statuses[p.status]}${p.agreedAt ? ` (${t.agreed(p.agreedAt.slice(0, 10))})` : ''}`],
        [t.actionsCount, String(actionCount)],
      ]),
      p.status === 'avslutat' ? note(t.readOnlyClosed) : null,
      p.commitments.length === 0 ? text(t.noCommitments) : null,
      ...p.commitments.map((c) =>
        container(
          [
            text(`**${c.text}**`),
            note(t.commitmentMeta(t.parties[c.responsible], c.districts.join(', '))),
            c.actions.length === 0 ? note(t.noActions) : null,
            ...c.actions.map((a, i) => {
              const mayUpdate = canUpdateAction(a, viewer, p);
              if (compact) {
                if (listedBefore(p, c.id) + i >= MAX_COMPACT_ITEMS) return null;
                const own = a.ownerAadObjectId === viewer.aadObjectId && mayUpdate;
                return container([
                  text(`• ${a.text} — ${t.actionMeta(a.ownerName, a.due, statusText(m, effectiveStatus(a, today)))}`, { size: 'Small' }),
                  own ? actionSet([execute(t.update, 'action.open', { promiseId: p.id, actionId: a.id })]) : null,
                ]);
              }
              return container(
                [
                  text(`• ${a.text}`),
                  note(t.actionMeta(a.ownerName, a.due, statusText(m, effectiveStatus(a, today)))),
                  mayUpdate || editable
                    ? actionSet([
                        ...(mayUpdate ? [execute(t.update, 'action.open', { promiseId: p.id, actionId: a.id })] : []),
                        ...(editable ? [execute(t.edit, 'action.edit', { promiseId: p.id, actionId: a.id })] : []),
                      ])
                    : null,
                ],
                { spacing: 'Small' },
              );
            }),
            editable
              ? actionSet([
                  execute(t.addAction, 'action.new', { promiseId: p.id, commitmentId: c.id }),
                  execute(t.edit, 'promise.commitmentOpen', { promiseId: p.id, commitmentId: c.id }),
                ])
              : null,
          ],
          { separator: true, spacing: 'Medium' },
        ),
      ),
      compact ? note(t.compactNote(actionCount, Math.min(actionCount, MAX_COMPACT_ITEMS))) : null,
      input.others?.length ? note(`${t.otherPromises}: ${input.others.map((o) => `${o.title} (${t.statuses[o.status]})`).join(', ')}`) : null,
      input.others?.length ? actionSet(input.others.slice(0, 5).map((o) => execute(`${t.open}: ${o.title.slice(0, 40)}`, 'promise.show', { promiseId: o.id }))) : null,
    ],
    [
      ...(editable ? [execute(t.addCommitment, 'promise.commitmentOpen', { promiseId: p.id }), execute(t.edit, 'promise.edit', { promiseId: p.id })] : []),
      ...(viewer.isChair && p.status === 'utkast' ? [execute(t.agree, 'promise.agree', { promiseId: p.id, version: input.version }, { style: 'positive' })] : []),
      ...(viewer.isChair && p.status === 'faststallt' ? [execute(t.close, 'promise.close', { promiseId: p.id, version: input.version })] : []),
      ...(viewer.canFollowUp ? [execute(t.followUp, 'promise.followUp', { promiseId: p.id })] : []),
      ...(viewer.isChair && p.status !== 'utkast' ? [execute(m.public.publishButton, 'public.preview', { promiseId: p.id })] : []),
    ],
  );
}

/** No promise yet: say so, and offer a chair the form. */
export function noPromiseCard(m: Catalog, isChair: boolean, lead?: string): AdaptiveCard {
  return card([lead ? text(lead) : null, title(m.promise.none), isChair ? text(m.promise.noneChair) : null], isChair ? [execute(m.promise.newPromise, 'promise.new', {})] : []);
}

/** How many items come before this commitment's (document order). */
function listedBefore(p: CitizenPromise, commitmentId: string): number {
  let n = 0;
  for (const c of p.commitments) {
    if (c.id === commitmentId) return n;
    n += c.actions.length;
  }
  return n;
}
