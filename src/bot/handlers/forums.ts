import type { TurnContext } from 'botbuilder';
import { forumFormCard, forumListCard, forumSummaryCard, type ForumFormValues } from '../../../cards/forumCards.js';
import type { AdaptiveCard } from '../../../cards/kit.js';
import type { VerbData } from '../../../cards/verbs.js';
import { conversationKey } from '../../domain/conversation.js';
import { DomainError, notAllowed } from '../../domain/errors.js';
import { forumFormSchema, forumIdFromName, type ForumRecord } from '../../domain/forum.js';
import { can } from '../../domain/roles.js';
import { conversationKindOf } from '../activity.js';
import { zodFieldErrors } from '../fieldErrors.js';
import { importRoster } from '../membership.js';
import { refusal } from '../refusal.js';
import { replyCard, replyText } from '../reply.js';
import type { RequestContext } from '../requestContext.js';

const valuesOf = (f: ForumRecord): ForumFormValues => ({
  name: f.name,
  kind: f.kind,
  districts: f.districts.join(','),
  contacts: f.contacts.map((c) => c.name).join(', '),
});

/** `registrera forum`: the form, or the edit form when this channel already has a forum. */
export async function registerForumCommand(rc: RequestContext, ctx: TurnContext): Promise<void> {
  if (conversationKindOf(ctx.activity) === 'personal') return replyText(ctx, rc.m.errors.needsChannel);
  const here = rc.forums.find((f) => f.data.conversationId === rc.conversationId);
  const districts = rc.s.config.DISTRICTS;
  await replyCard(
    ctx,
    here
      ? forumFormCard(rc.m, districts, { existing: { id: here.id, version: here.version, name: here.data.name }, values: valuesOf(here.data) })
      : forumFormCard(rc.m, districts),
  );
}

export async function listForums(rc: RequestContext, ctx: TurnContext): Promise<void> {
  const rows = await Promise.all(
    (await rc.s.repos.forums.list()).map(async (f) => {
      const conv = await rc.s.repos.conversations.get(conversationKey(f.data.conversationId));
      const channel = conv?.data.channelName ?? conv?.data.teamName ?? (conv?.data.kind === 'groupChat' ? rc.m.forum.groupChat : '–');
      return { forum: f.data, channel: conv && !conv.data.active ? `${channel} (–)` : channel };
    }),
  );
  await replyCard(ctx, forumListCard(rc.m, rows.sort((a, b) => a.forum.name.localeCompare(b.forum.name, 'sv'))));
}

function requireChair(rc: RequestContext): void {
  if (!can(rc.roles, 'editForum')) throw notAllowed('editForum');
}

export async function saveForum(rc: RequestContext, data: VerbData<'forum.save'>, ctx: TurnContext): Promise<AdaptiveCard> {
  requireChair(rc);
  const districts = rc.s.config.DISTRICTS;
  const raw = data as Record<string, unknown>;
  const values: ForumFormValues = {
    name: typeof raw.name === 'string' ? raw.name : undefined,
    kind: typeof raw.kind === 'string' ? raw.kind : undefined,
    districts: typeof raw.districts === 'string' ? raw.districts : undefined,
    contacts: typeof raw.contacts === 'string' ? raw.contacts : undefined,
  };
  const existing = data.forumId ? await rc.s.repos.forums.require(data.forumId) : null;
  const existingView = existing ? { id: existing.id, version: data.version ?? existing.version, name: existing.data.name } : undefined;
  const parsed = forumFormSchema(districts).safeParse(values);
  if (!parsed.success) return refusal(forumFormCard(rc.m, districts, { existing: existingView, values, errors: zodFieldErrors(parsed.error) }));
  const form = parsed.data;

  if (existing) {
    const next: ForumRecord = { ...existing.data, name: form.name, kind: form.kind, districts: form.districts, contacts: mergeContacts(existing.data, form.contacts) };
    try {
      const saved = await rc.s.repos.forums.update(existing.id, data.version ?? -1, next, rc.actorId, 'edit');
      return forumSummaryCard(rc.m, saved.data, saved.version, rc.m.forum.saved(saved.data.name));
    } catch (e) {
      if (e instanceof DomainError && e.reason === 'stale-write') {
        const latest = await rc.s.repos.forums.require(existing.id);
        return forumFormCard(rc.m, districts, {
          existing: { id: latest.id, version: latest.version, name: latest.data.name },
          values: valuesOf(latest.data),
          banner: rc.m.errors.staleWrite,
        });
      }
      throw e;
    }
  }

  if (conversationKindOf(ctx.activity) === 'personal') throw new DomainError('invalid-input', 'forum needs a channel', { fieldErrors: {} });
  const taken = rc.forums.find((f) => f.data.conversationId === rc.conversationId && f.data.active);
  if (taken) {
    return forumFormCard(rc.m, districts, {
      existing: { id: taken.id, version: taken.version, name: taken.data.name },
      values: valuesOf(taken.data),
      banner: rc.m.forum.otherChannelHasForum(taken.data.name),
    });
  }
  const id = await freeForumId(rc, forumIdFromName(form.name));
  const record: ForumRecord = {
    id,
    name: form.name,
    kind: form.kind,
    districts: form.districts,
    contacts: form.contacts.map((name) => ({ name })),
    conversationId: rc.conversationId,
    active: true,
    memberIds: [],
  };
  const saved = await rc.s.repos.forums.create(id, record, rc.actorId, 'register');
  await importRoster(rc.s, ctx);
  return forumSummaryCard(rc.m, saved.data, saved.version, rc.m.forum.saved(saved.data.name));
}

/** Keep what we know (Entra ids) about contacts whose names did not change. */
function mergeContacts(current: ForumRecord, names: string[]): ForumRecord['contacts'] {
  return names.map((name) => current.contacts.find((c) => c.name === name) ?? { name });
}

async function freeForumId(rc: RequestContext, base: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await rc.s.repos.forums.get(id))) return id;
  }
  throw new DomainError('conflict', 'no free forum id');
}

export async function editForum(rc: RequestContext, data: VerbData<'forum.edit'>): Promise<AdaptiveCard> {
  requireChair(rc);
  const f = await rc.s.repos.forums.require(data.forumId);
  return forumFormCard(rc.m, rc.s.config.DISTRICTS, { existing: { id: f.id, version: f.version, name: f.data.name }, values: valuesOf(f.data) });
}

export async function setForumActive(rc: RequestContext, data: VerbData<'forum.deactivate'>, active: boolean): Promise<AdaptiveCard> {
  requireChair(rc);
  const f = await rc.s.repos.forums.require(data.forumId);
  try {
    const saved = await rc.s.repos.forums.update(f.id, data.version, { ...f.data, active }, rc.actorId, active ? 'activate' : 'deactivate');
    return forumSummaryCard(rc.m, saved.data, saved.version, active ? rc.m.forum.saved(saved.data.name) : rc.m.forum.deactivated(saved.data.name));
  } catch (e) {
    if (e instanceof DomainError && e.reason === 'stale-write') {
      const latest = await rc.s.repos.forums.require(f.id);
      return forumSummaryCard(rc.m, latest.data, latest.version, rc.m.errors.staleWrite);
    }
    throw e;
  }
}
