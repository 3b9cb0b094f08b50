import { z } from 'zod';
import { DomainError, type DomainErrorReason } from '../errors.js';

/**
 * Linking one person's accounts. Entra object ids are per tenant: a police officer who is
 * a guest in two municipalities' tenants has two ids. Two accounts are linked only by a
 * one-time code shown in one account's personal chat and typed in the other's — proof
 * that one person holds both. Never by name or e-mail. Pure: no I/O, no Teams types.
 */

export const LINK_CODE_DIGITS = 8;
/** How long a code may be redeemed. */
export const LINK_CODE_TTL_SECONDS = 600;
/** Wrong (or expired) codes one account may type per window before it is locked out. */
export const LINK_MAX_WRONG_CODES = 5;
export const LINK_TRIES_WINDOW_SECONDS = 3600;

const aad = z.string().min(1).max(100);
const tenant = z.string().min(1).max(100);

/** One account: an Entra object id in one tenant. */
export const linkedAccountSchema = z.object({ aad, tenant });
export type LinkedAccount = z.infer<typeof linkedAccountSchema>;

/** What a code stands for while it waits to be redeemed: the account that asked for it. */
export const linkCodeRecordSchema = linkedAccountSchema;
export type LinkCodeRecord = z.infer<typeof linkCodeRecordSchema>;

/** A code as stored and compared: exactly 8 digits. */
export const linkCodeSchema = z.string().regex(/^\d{8}$/);
export type LinkCode = z.infer<typeof linkCodeSchema>;

/** A code as people type it: `1234 5678`, `12345678`, `1234-5678`; spaces and dashes anywhere. */
export const typedLinkCodeSchema = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s\u00a0-]+/g, ''))
  .pipe(linkCodeSchema);

export function parseLinkCode(typed: string): LinkCode | null {
  const r = typedLinkCodeSchema.safeParse(typed);
  return r.success ? r.data : null;
}

/** How a code is shown: two groups of four, easy to read out and type. */
export function formatLinkCode(code: LinkCode): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** A random integer in [0, 10^8) (crypto.randomInt in the store) → a code with leading zeros kept. */
export function linkCodeFromNumber(n: number): LinkCode {
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** LINK_CODE_DIGITS) throw new RangeError('link code number out of range');
  return String(n).padStart(LINK_CODE_DIGITS, '0');
}

export const linkAuditEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['link', 'unlink']),
  accounts: z.array(linkedAccountSchema).min(1).max(2),
  /** The account that acted (redeemed the code, or pressed Avlänka). */
  by: aad,
});
export type LinkAuditEntry = z.infer<typeof linkAuditEntrySchema>;

/** A person as far as linking knows: its id (pid) and accounts. Unlinked: pid = aad, one account. */
export interface PersonAccounts {
  pid: string;
  accounts: { aad: string; tenant?: string }[];
}

/** Why a link or unlink was refused; each has its own localized sentence. */
export const linkRefusals = [
  'malformed-code',
  'wrong-code',
  'expired-code',
  'too-many-attempts',
  'same-account',
  'already-linked',
  'linked-elsewhere',
  'not-personal-chat',
  'not-linked',
  'needs-identity',
] as const;
export type LinkRefusal = (typeof linkRefusals)[number];

const reasonOf: Record<LinkRefusal, DomainErrorReason> = {
  'malformed-code': 'invalid-input',
  'wrong-code': 'invalid-input',
  'expired-code': 'not-found',
  'too-many-attempts': 'not-allowed',
  'same-account': 'invalid-input',
  'already-linked': 'already-exists',
  'linked-elsewhere': 'conflict',
  'not-personal-chat': 'not-allowed',
  'not-linked': 'not-found',
  'needs-identity': 'not-allowed',
};

/** A refused link or unlink. Its message names the refusal only: never a code or an id. */
export class PersonLinkError extends DomainError {
  constructor(readonly refusal: LinkRefusal) {
    super(reasonOf[refusal], `link refused: ${refusal}`);
    this.name = 'PersonLinkError';
  }
}

export const linkRefused = (refusal: LinkRefusal) => new PersonLinkError(refusal);

export function isPersonLinkError(e: unknown): e is PersonLinkError {
  return e instanceof PersonLinkError;
}

/** An account may type another wrong code while it has typed fewer than the limit in this window. */
export function mayTryCode(wrongCodesInWindow: number): boolean {
  return wrongCodesInWindow < LINK_MAX_WRONG_CODES;
}

/**
 * Which person two accounts become, from the person each already belongs to (`null`: not
 * linked). Returns the pid to use, `'new'` for a fresh one, or throws the refusal.
 * - the same account twice: refused (a code proves nothing to the account that made it);
 * - both already the same person: refused as already linked;
 * - both linked, to different persons: refused — unlink one first ("avlänka först");
 * - one linked: the other joins that person (a third account joins the first two).
 */
export function decideLink(issuer: { aad: string; pid: string | null }, redeemer: { aad: string; pid: string | null }): string | 'new' {
  if (issuer.aad === redeemer.aad) throw linkRefused('same-account');
  if (issuer.pid && redeemer.pid) {
    if (issuer.pid === redeemer.pid) throw linkRefused('already-linked');
    throw linkRefused('linked-elsewhere');
  }
  return issuer.pid ?? redeemer.pid ?? 'new';
}

/**
 * Who may unlink what: an account linked to a person may remove any account of that
 * person (itself included) — they are all the same person, proven by a code.
 */
export function decideUnlink(by: PersonAccounts, account: string): void {
  if (by.accounts.length < 2 || !by.accounts.some((a) => a.aad === account)) throw linkRefused('not-linked');
}

/** An id shown to its owner: enough to tell two accounts apart, not the whole id. */
export function shortAccountId(aadId: string): string {
  return aadId.length <= 8 ? aadId : `…${aadId.slice(-8)}`;
}
