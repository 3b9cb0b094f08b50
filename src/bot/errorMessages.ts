import { DomainError } from '../domain/errors.js';
import { PersonLinkError } from '../domain/people/personLink.js';
import type { Catalog } from '../i18n/index.js';

/** Is this a Redis/network outage rather than a bug? Then the user is told to retry shortly. */
export function isOutage(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string };
  if (error instanceof DomainError) return error.reason === 'unavailable';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN'].includes(e?.code ?? '') ||
    e?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|Reached the max retries|enableOfflineQueue|connect ETIMEDOUT/i.test(e?.message ?? '')
  );
}

/** The one place where errors become sentences for users. */
export function userMessageFor(error: unknown, m: Catalog): string {
  if (isOutage(error)) return m.errors.tryAgainShortly;
  // Linking accounts has its own sentence for each refusal (wrong code, expired, …).
  if (error instanceof PersonLinkError) return m.links.refusals[error.refusal];
  if (error instanceof DomainError) {
    switch (error.reason) {
      case 'not-allowed':
        return m.errors.notAllowed;
      case 'not-found':
        return m.errors.notFound;
      case 'stale-write':
        return m.errors.staleWrite;
      case 'already-exists':
        return m.errors.alreadyExists;
      case 'invalid-input':
        return m.errors.invalidInput;
      case 'conflict':
        return m.errors.conflict;
      case 'unavailable':
        return m.errors.tryAgainShortly;
      case 'regional-sharing-off':
        return error.details.names?.length ? m.regional.sharingOff(error.details.names.join(', ')) : m.regional.tooFew;
      case 'regional-not-published':
        return m.regional.notPublished((error.details.names ?? []).join(', '));
      default: {
        const unhandled: never = error.reason;
        return unhandled;
      }
    }
  }
  return m.errors.unexpected;
}
