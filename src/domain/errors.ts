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
  | 'unavailable';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; entity?: string; id?: string; currentVersion?: number } = {},
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

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
