import { z } from 'zod';
import { refusePersonalData } from './inputs/personalDataCheck.js';

/** An operational forum (trygghetsråd, sociala insatsgruppen, …) bound to a Teams channel. */
export const forumKinds = ['trygghetsrad', 'socialInsatsgrupp', 'sakerhetsenhetKommunpolis', 'annat'] as const;
export const forumKindSchema = z.enum(forumKinds);
export type ForumKind = z.infer<typeof forumKindSchema>;

export const contactPersonSchema = z.object({
  name: z.string().trim().min(1).max(100),
  aadObjectId: z.string().optional(),
});

export const forumRecordSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(2).max(80),
  kind: forumKindSchema,
  districts: z.array(z.string()).min(1),
  contacts: z.array(contactPersonSchema).max(10),
  conversationId: z.string().min(1),
  active: z.boolean(),
  /** Users seen acting in the forum's channel (the channel is the membership). */
  memberIds: z.array(z.string()).default([]),
});
export type ForumRecord = z.infer<typeof forumRecordSchema>;

export const forumOfConversationTerm = (conversationId: string) => `conversation:${conversationId}`;
export const forumsOfPersonTerm = (aadObjectId: string) => `person:${aadObjectId}`;

/**
 * What a forum is found by on a turn: its channel, and every person it gives a role
 * (members seen in the channel, contact persons) — the inputs of `rolesOf`.
 */
export function forumLookupTerms(f: ForumRecord): string[] {
  const people = new Set([...f.memberIds, ...f.contacts.flatMap((c) => (c.aadObjectId ? [c.aadObjectId] : []))]);
  return [forumOfConversationTerm(f.conversationId), ...[...people].map(forumsOfPersonTerm)];
}

/** What a chair fills in on the forum card; validated before anything is stored. */
export function forumFormSchema(allowedDistricts: readonly string[]) {
  return z.object({
    name: z.string({ error: 'required' }).trim().min(2, 'tooShort').max(80, 'tooLong').superRefine(refusePersonalData),
    kind: z.enum(forumKinds, { error: 'chooseOne' }),
    districts: z
      .string({ error: 'chooseAtLeastOne' })
      .transform((s) => [...new Set(s.split(',').map((d) => d.trim()).filter(Boolean))])
      .pipe(
        z
          .array(z.string().refine((d) => allowedDistricts.includes(d), 'unknownDistrict'))
          .min(1, 'chooseAtLeastOne')
          .max(allowedDistricts.length),
      ),
    contacts: z
      .string()
      .max(1000, 'tooLong')
      .optional()
      .transform((s) =>
        (s ?? '')
          .split(/[,;\n]/)
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(100, 'tooLong').superRefine(refusePersonalData)).max(10, 'tooMany')),
  });
}
export type ForumForm = z.infer<ReturnType<typeof forumFormSchema>>;

/** A readable, stable id from the name: "Trygghetsrådet Berga" → "trygghetsradet-berga". */
export function forumIdFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
  return slug || 'forum';
}
