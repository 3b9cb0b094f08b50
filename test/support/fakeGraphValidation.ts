/**
 * Request-body checks for FakeGraph's calendar routes, after the documented Graph v1.0
 * `event` resource (https://learn.microsoft.com/graph/api/resources/event). Stricter than
 * Graph where Graph would silently ignore something the bot should never send (read-only
 * properties), so a contract test catches it. Errors carry Graph's codes; where Graph's own
 * message is unhelpful ("At least one property failed validation.") a detail is appended.
 */

/** A Graph error answer: status + `error.code` + `error.message`. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** The writable subset of an event that a POST or PATCH may carry (after validation). */
export interface EventInput {
  subject?: string;
  body?: { contentType: string; content: string };
  start?: DateTimeTimeZone;
  end?: DateTimeTimeZone;
  attendees?: { emailAddress: { address: string; name?: string }; type: string }[];
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: string;
  transactionId?: string;
  location?: unknown;
  locations?: unknown[];
  showAs?: string;
  allowNewTimeProposals?: boolean;
  responseRequested?: boolean;
  hideAttendees?: boolean;
  isAllDay?: boolean;
  importance?: string;
  sensitivity?: string;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  categories?: string[];
}

const ENUMS: Record<string, { type: string; values: string[] }> = {
  onlineMeetingProvider: { type: 'onlineMeetingProviderType', values: ['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown'] },
  showAs: { type: 'freeBusyStatus', values: ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] },
  importance: { type: 'importance', values: ['low', 'normal', 'high'] },
  sensitivity: { type: 'sensitivity', values: ['normal', 'personal', 'private', 'confidential'] },
};
const BOOLEANS = ['isOnlineMeeting', 'allowNewTimeProposals', 'responseRequested', 'hideAttendees', 'isAllDay', 'isReminderOn'];
const STRINGS = ['subject', 'transactionId'];
const OTHER_WRITABLE = ['body', 'start', 'end', 'attendees', 'location', 'locations', 'reminderMinutesBeforeStart', 'categories'];
const WRITABLE = new Set([...Object.keys(ENUMS), ...BOOLEANS, ...STRINGS, ...OTHER_WRITABLE]);
/** Properties of the event type that a client does not set (server-computed or ignored). */
const READ_ONLY = new Set([
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'uid', 'webLink', 'onlineMeeting', 'onlineMeetingUrl',
  'isOrganizer', 'organizer', 'responseStatus', 'seriesMasterId', 'type', 'hasAttachments', 'bodyPreview', 'isCancelled', 'isDraft',
  'originalStart', 'originalStartTimeZone', 'originalEndTimeZone', 'occurrenceId', 'cancelledOccurrences', 'exceptionOccurrences',
]);
/** Valid Graph, but not modelled by the fake: answered clearly rather than half-emulated. */
const NOT_MODELLED = new Set(['recurrence', 'attachments', 'calendar', 'extensions', 'instances', 'singleValueExtendedProperties', 'multiValueExtendedProperties']);

const readError = (message: string) => new GraphRequestError(400, 'RequestBodyRead', message);
const propertyError = (detail: string) => new GraphRequestError(400, 'ErrorPropertyValidationFailure', `At least one property failed validation. (FakeGraph: ${detail})`);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** OData rejects a property the type does not declare; `@odata.*` annotations are allowed. */
function onlyKeys(value: Record<string, unknown>, allowed: string[], type: string): void {
  for (const key of Object.keys(value)) {
    if (key.startsWith('@odata.') || allowed.includes(key)) continue;
    throw readError(`The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
  }
}

function expectType(value: unknown, kind: 'string' | 'boolean' | 'number', where: string): void {
  if (typeof value !== kind) throw readError(`Cannot convert the literal '${JSON.stringify(value)}' to the expected type 'Edm.${kind === 'string' ? 'String' : kind === 'boolean' ? 'Boolean' : 'Int32'}' (property '${where}').`);
}

/** Validates a POST (create) or PATCH (partial update) body of microsoft.graph.event. */
export function validateEventBody(body: unknown, mode: 'create' | 'update'): EventInput {
  if (!isObject(body)) throw readError('The request body must be a JSON object of type microsoft.graph.event.');
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.') || WRITABLE.has(key)) continue;
    if (READ_ONLY.has(key)) throw new GraphRequestError(400, 'ErrorInvalidPropertySet', `FakeGraph: '${key}' is a read-only property of microsoft.graph.event; do not send it.`);
    if (NOT_MODELLED.has(key)) throw new GraphRequestError(400, 'FakeGraphNotModelled', `FakeGraph does not model event '${key}'.`);
    onlyKeys({ [key]: body[key] }, [], 'event');
  }
  for (const key of STRINGS) if (key in body) expectType(body[key], 'string', key);
  for (const key of BOOLEANS) if (key in body) expectType(body[key], 'boolean', key);
  for (const [key, { type, values }] of Object.entries(ENUMS)) {
    if (key in body && !values.includes(body[key] as string)) throw readError(`Cannot convert the literal '${String(body[key])}' to the expected type 'microsoft.graph.${type}'.`);
  }
  if ('body' in body) checkItemBody(body.body);
  if ('start' in body) checkDateTimeTimeZone(body.start, 'start');
  if ('end' in body) checkDateTimeTimeZone(body.end, 'end');
  if ('attendees' in body) checkAttendees(body.attendees);
  if ('location' in body) checkLocation(body.location, 'location');
  if ('locations' in body) {
    if (!Array.isArray(body.locations)) throw readError("A collection was expected for property 'locations'.");
    body.locations.forEach((l, i) => checkLocation(l, `locations[${i}]`));
  }
  if ('categories' in body && (!Array.isArray(body.categories) || body.categories.some((c) => typeof c !== 'string'))) throw readError("Property 'categories' must be a collection of Edm.String.");
  if ('reminderMinutesBeforeStart' in body && !Number.isInteger(body.reminderMinutesBeforeStart)) expectType(String(body.reminderMinutesBeforeStart), 'number', 'reminderMinutesBeforeStart');
  if (mode === 'create' && (!('start' in body) || !('end' in body))) throw propertyError('an event needs start and end');
  return body as EventInput;
}

function checkItemBody(value: unknown): void {
  if (!isObject(value)) throw readError("Property 'body' must be a microsoft.graph.itemBody object.");
  onlyKeys(value, ['contentType', 'content'], 'itemBody');
  if (!['text', 'html'].includes(String(value.contentType).toLowerCase())) throw readError(`Cannot convert the literal '${String(value.contentType)}' to the expected type 'microsoft.graph.bodyType'.`);
  expectType(value.content, 'string', 'body.content');
}

/** Graph's format: local wall time without offset, e.g. 2027-02-10T13:00:00[.0000000]. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

function checkDateTimeTimeZone(value: unknown, where: string): void {
  if (!isObject(value)) throw readError(`Property '${where}' must be a microsoft.graph.dateTimeTimeZone object.`);
  onlyKeys(value, ['dateTime', 'timeZone'], 'dateTimeTimeZone');
  expectType(value.dateTime, 'string', `${where}.dateTime`);
  expectType(value.timeZone, 'string', `${where}.timeZone`);
  const m = LOCAL_DATE_TIME.exec(value.dateTime as string);
  const [y, mo, d, h, mi, s] = (m ?? []).slice(1, 7).map(Number) as number[];
  const asUtc = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  // The regex alone lets 2027-02-30 through; the round trip does not.
  if (!m || asUtc.getUTCDate() !== d || asUtc.getUTCMonth() !== mo! - 1 || h! > 23 || mi! > 59 || s! > 59) {
    throw propertyError(`${where}.dateTime '${String(value.dateTime)}' is not a local date-time like 2027-02-10T13:00:00 (no offset or Z; the zone goes in timeZone)`);
  }
  ianaZone(value.timeZone as string);
}

function checkAttendees(value: unknown): void {
  if (!Array.isArray(value)) throw readError("A collection was expected for property 'attendees'.");
  for (const [i, a] of value.entries()) {
    if (!isObject(a)) throw readError(`attendees[${i}] must be a microsoft.graph.attendee object.`);
    onlyKeys(a, ['emailAddress', 'type'], 'attendee');
    if (a.type !== undefined && !['required', 'optional', 'resource'].includes(a.type as string)) throw readError(`Cannot convert the literal '${String(a.type)}' to the expected type 'microsoft.graph.attendeeType'.`);
    if (!isObject(a.emailAddress)) throw readError(`attendees[${i}].emailAddress must be a microsoft.graph.emailAddress object.`);
    onlyKeys(a.emailAddress, ['address', 'name'], 'emailAddress');
    if (a.emailAddress.name !== undefined) expectType(a.emailAddress.name, 'string', `attendees[${i}].emailAddress.name`);
    if (typeof a.emailAddress.address !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.emailAddress.address)) {
      throw propertyError(`attendees[${i}].emailAddress.address ${JSON.stringify(a.emailAddress.address)} is not an e-mail address`);
    }
  }
}

function checkLocation(value: unknown, where: string): void {
  if (!isObject(value)) throw readError(`Property '${where}' must be a microsoft.graph.location object.`);
  onlyKeys(value, ['displayName', 'locationType', 'locationUri', 'locationEmailAddress', 'address', 'coordinates', 'uniqueId', 'uniqueIdType'], 'location');
  if (value.displayName !== undefined) expectType(value.displayName, 'string', `${where}.displayName`);
}

/** Checks that apply to the event as a whole, after a PATCH is merged onto it too. */
export function checkEventTimes(start: DateTimeTimeZone, end: DateTimeTimeZone, isAllDay: boolean): void {
  if (toUtcMs(end) < toUtcMs(start)) throw propertyError(`end ${end.dateTime} (${end.timeZone}) is before start ${start.dateTime} (${start.timeZone})`);
  if (isAllDay && [start, end].some((t) => !/T00:00:00(\.0+)?$/.test(t.dateTime))) throw propertyError('an all-day event starts and ends at midnight');
}

// Graph accepts Windows zone names as well as IANA ones; the ones a Swedish tenant meets.
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** The IANA zone behind a Graph timeZone value, or Graph's 400 for one it does not support. */
export function ianaZone(timeZone: string): string {
  const zone = WINDOWS_ZONES[timeZone] ?? timeZone;
  try {
    if (!zone) throw new RangeError('empty');
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new GraphRequestError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${timeZone}'.`);
  }
}

/** Offset of `zone` from UTC at instant `utcMs`, in ms. */
function offsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a Graph dateTimeTimeZone denotes. */
export function toUtcMs(t: DateTimeTimeZone): number {
  const wall = Date.parse(`${t.dateTime.slice(0, 23)}Z`);
  const zone = ianaZone(t.timeZone);
  // Two passes settle the offset across a DST change.
  const guess = wall - offsetMs(wall, zone);
  return wall - offsetMs(guess, zone);
}

/** An instant as Graph writes it in a zone: 7 fractional digits, no offset. */
export function inZone(utcMs: number, timeZone: string): DateTimeTimeZone {
  const wall = new Date(utcMs + offsetMs(utcMs, ianaZone(timeZone)));
  return { dateTime: `${wall.toISOString().slice(0, 23)}0000`, timeZone };
}

/** `2027-02-10T13:00:00` → `2027-02-10T13:00:00.0000000`, as Graph stores and echoes it. */
export function normaliseDateTime(t: DateTimeTimeZone): DateTimeTimeZone {
  const [whole, fraction = ''] = t.dateTime.split('.');
  return { dateTime: `${whole}.${fraction.padEnd(7, '0')}`, timeZone: t.timeZone };
}
