/**
 * Typed errors of the domain. Each carries a `reason` discriminant; the bot turns
 * them into a localized sentence in exactly one place (src/bot/errorMessages.ts).
 */
export type DomainErrorReason =
  | 'not-allowed'
  | 'not-found'
  | 'stale-write'
  | 'already-exists'
  | 'invalid-input'
  | 'conflict'
  | 'unavailable'
  | 'regional-sharing-off'
  | 'regional-not-published';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; entity?: string; id?: string; currentVersion?: number; names?: string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notAllowed = (what: string) => new DomainError('not-allowed', `not allowed: ${what}`);
export const notFound = (entity: string, id: string) => new DomainError('not-found', `${entity} not found`, { entity, id });
export const staleWrite = (entity: string, id: string, currentVersion: number) =>
  new DomainError('stale-write', `${entity} changed since it was read`, { entity, id, currentVersion });
export const invalidInput = (fieldErrors: FieldErrors) => new DomainError('invalid-input', 'invalid input', { fieldErrors });

/** A regional picture needs two organisations that share; `names` are those with sharing off (names only). */
export const regionalSharingOff = (names: string[]) => new DomainError('regional-sharing-off', 'regional picture: fewer than two organisations share', { entity: 'regional', names });

/** Sharing is on, but fewer than two of those organisations have published a lägesbild; `names` are those without one. */
export const regionalNotPublished = (names: string[]) => new DomainError('regional-not-published', 'regional picture: fewer than two published lägesbilder', { entity: 'regional', names });

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
