import type { FieldErrors } from '../src/domain/errors.js';
import { forumKinds, type ForumRecord } from '../src/domain/forum.js';
import type { Catalog } from '../src/i18n/index.js';
import { fieldMessages } from './fieldMessages.js';
import { actionSet, card, execute, facts, fieldError, note, text, title, type AdaptiveCard } from './kit.js';

export interface ForumFormValues {
  name?: string;
  kind?: string;
  districts?: string;
  contacts?: string;
}

/** The registration/edit form. `existing` carries the version an edit is based on. */
export function forumFormCard(
  m: Catalog,
  districts: readonly string[],
  opts: { existing?: { id: string; version: number; name: string }; values?: ForumFormValues; errors?: FieldErrors; banner?: string } = {},
): AdaptiveCard {
  const e = fieldMessages(m, opts.errors);
  const v = opts.values ?? {};
  return card(
    [
      opts.banner ? text(opts.banner, { color: 'Attention' }) : null,
      title(opts.existing ? m.forum.cardEditTitle(opts.existing.name) : m.forum.cardTitle),
      note(m.forum.intro),
      { type: 'Input.Text', id: 'name', label: m.forum.name, placeholder: m.forum.namePlaceholder, maxLength: 80, isRequired: true, errorMessage: m.fieldErrors.required, value: v.name ?? '' },
      fieldError(e.name),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: m.forum.kind,
        style: 'compact',
        isRequired: true,
        errorMessage: m.fieldErrors.chooseOne,
        value: v.kind ?? 'trygghetsrad',
        choices: forumKinds.map((k) => ({ title: m.forum.kinds[k], value: k })),
      },
      fieldError(e.kind),
      {
        type: 'Input.ChoiceSet',
        id: 'districts',
        label: m.forum.districts,
        isMultiSelect: true,
        style: 'expanded',
        value: v.districts ?? '',
        choices: districts.map((d) => ({ title: d, value: d })),
      },
      fieldError(e.districts),
      { type: 'Input.Text', id: 'contacts', label: m.forum.contacts, maxLength: 1000, value: v.contacts ?? '' },
      fieldError(e.contacts),
    ],
    [execute(m.forum.save, 'forum.save', opts.existing ? { forumId: opts.existing.id, version: opts.existing.version } : {}, { style: 'positive' })],
  );
}

export function forumSummaryCard(m: Catalog, forum: ForumRecord, version: number, lead?: string): AdaptiveCard {
  return card(
    [
      lead ? text(lead) : null,
      title(forum.name),
      facts([
        [m.forum.summaryKind, m.forum.kinds[forum.kind]],
        [m.forum.summaryDistricts, forum.districts.join(', ')],
        [m.forum.summaryContacts, forum.contacts.map((c) => c.name).join(', ') || '–'],
        [m.forum.summaryStatus, forum.active ? m.forum.active : m.forum.inactive],
      ]),
      actionSet([
        execute(m.forum.edit, 'forum.edit', { forumId: forum.id }),
        forum.active
          ? execute(m.forum.deactivate, 'forum.deactivate', { forumId: forum.id, version }, { style: 'destructive' })
          : execute(m.forum.activate, 'forum.activate', { forumId: forum.id, version }),
      ]),
    ],
  );
}

export function forumListCard(m: Catalog, forums: { forum: ForumRecord; channel: string }[]): AdaptiveCard {
  if (forums.length === 0) return card([title(m.forum.listTitle), text(m.forum.listEmpty)]);
  return card([
    title(m.forum.listTitle),
    ...forums.map(({ forum, channel }) => ({
      type: 'Container',
      separator: true,
      items: [
        text(`**${forum.name}** · ${m.forum.kinds[forum.kind]} · ${forum.active ? m.forum.active : m.forum.inactive}`),
        note(`${forum.districts.join(', ')} · ${m.forum.channelOf(channel)}`),
      ],
    })),
  ]);
}
