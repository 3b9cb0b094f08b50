import { GraphError } from '@microsoft/microsoft-graph-client';
import { parseRetryAfter } from '../http/retryAfter.js';
import { CalendarCallError, type CalendarFailureKind } from '../services/calendar/calendarApi.js';

/** Identity-platform codes that mean the app's credentials or registration need an admin. */
const credentialCodes = new Set([
  'AADSTS7000222', // the client secret has expired
  'AADSTS7000215', // invalid client secret
  'AADSTS700016', // the application was not found in the tenant
  'AADSTS90002', // the tenant was not found
  'AADSTS700024', // client assertion outside its validity
  'AADSTS7000112', // the application is disabled
]);
/** …and the ones that mean consent is missing. */
const permissionCodes = new Set(['AADSTS65001', 'AADSTS500011', 'AADSTS650057']);

/** Graph error codes about the organizer's mailbox rather than the request. */
const mailboxCodes = new Set(['ErrorInvalidUser', 'MailboxNotEnabledForRESTAPI', 'MailboxNotSupportedForRESTAPI', 'ErrorNonExistentMailbox', 'ResourceNotFound']);

/**
 * Turns whatever the Graph client or @azure/identity threw into a CalendarCallError.
 * `about` says whether a 404 is about an event (then it is gone) or the mailbox.
 */
export function classifyGraphError(error: unknown, about: 'event' | 'mailbox'): CalendarCallError {
  if (error instanceof CalendarCallError) return error;
  const aadsts = /AADSTS\d+/.exec(errorText(error))?.[0];
  if (aadsts) return new CalendarCallError(kindOfIdentityCode(aadsts), { errorCode: aadsts });
  if (error instanceof GraphError || isGraphErrorLike(error)) {
    const e = error as GraphError;
    const status = e.statusCode;
    const errorCode = e.code ?? undefined;
    const detail = { httpStatus: status > 0 ? status : undefined, errorCode };
    const retryAfterMs = retryAfter(e.headers);
    if ((status === 429 || status === 503 || status === 504) && retryAfterMs !== undefined) return new CalendarCallError('throttled', { ...detail, retryAfterMs });
    if (status === 429) return new CalendarCallError('throttled', { ...detail, retryAfterMs: 5_000 });
    if (status === 401) return new CalendarCallError('credentials', detail);
    if (status === 403) return new CalendarCallError('permission', detail);
    if (status === 404) {
      if (errorCode && mailboxCodes.has(errorCode)) return new CalendarCallError('mailbox', detail);
      return new CalendarCallError(about === 'event' ? 'event-gone' : 'mailbox', detail);
    }
    if (status === 410 && about === 'event') return new CalendarCallError('event-gone', detail);
    if (status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 412) return new CalendarCallError('rejected', detail);
    return new CalendarCallError('transient', detail);
  }
  // Network failures (refused, reset, timed out) and anything unknown: worth another attempt.
  return new CalendarCallError('transient', { errorCode: (error as { name?: string })?.name });
}

function kindOfIdentityCode(code: string): CalendarFailureKind {
  if (credentialCodes.has(code)) return 'credentials';
  if (permissionCodes.has(code)) return 'permission';
  return 'credentials';
}

function isGraphErrorLike(error: unknown): boolean {
  return typeof (error as { statusCode?: unknown })?.statusCode === 'number' && 'code' in (error as object);
}

function errorText(error: unknown): string {
  const e = error as { message?: unknown; errorResponse?: { errorDescription?: unknown } };
  return `${typeof e?.message === 'string' ? e.message : ''} ${typeof e?.errorResponse?.errorDescription === 'string' ? e.errorResponse.errorDescription : ''}`;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds. */
export function retryAfter(headers: Headers | undefined): number | undefined {
  return parseRetryAfter(headers?.get?.('retry-after'));
}
