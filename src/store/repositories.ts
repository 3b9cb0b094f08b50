import type { RedisClient } from './redis.js';
import { calendarEventRecordSchema } from '../domain/calendar/calendarEvent.js';
import { conversationLookupTerms, conversationRecordSchema } from '../domain/conversation.js';
import { forumLookupTerms, forumRecordSchema } from '../domain/forum.js';
import { agendaRecordSchema, compileRunSchema, lagesbildRecordSchema } from '../domain/lagesbild/records.js';
import { mergeCorrectionsRecordSchema } from '../domain/lagesbild/mergeCorrections.js';
import { storedAnswerSchema } from '../domain/inputs/storedAnswer.js';
import { meetingRecordSchema } from '../domain/meeting.js';
import { malbildSchema } from '../domain/malbilder/malbild.js';
import { promiseSchema } from '../domain/promise/promise.js';
import { schoolCalendarSchema } from '../domain/calendar/schoolHolidays.js';
import { steeringRecordSchema } from '../domain/steering.js';
import { AuditTrail } from './auditTrail.js';
import type { Keys } from './keys.js';
import { Markers } from './markers.js';
import { MetricsStore } from './metrics.js';
import { OrgRegistry } from './organisations.js';
import { PeopleRegistry } from './people.js';
import { PersonLinks } from './personLinks.js';
import { PublicVersions } from './publicVersions.js';
import { ReportReads } from './reportReads.js';
import { VersionedRepository } from './versionedRepository.js';

/** The deployment's own records: not any one organisation's. */
export function createGlobalRepositories(redis: RedisClient, keys: Keys, clock: () => Date) {
  return {
    /** Every conversation the bot is in, keyed by `conversationKey(conversationId)`; bound to ≤ 1 organisation. */
    conversations: new VersionedRepository(redis, keys, 'conversation', conversationRecordSchema, clock, { lookupTerms: conversationLookupTerms }),
    /** Names of everyone the bot has seen (each organisation lists only its own). */
    people: new PeopleRegistry(redis, keys, clock),
    /** Turn (idempotency) and personal-export markers. */
    markers: new Markers(redis, keys),
    /** Counters and the delivery-latency histogram behind GET /metrics. */
    metrics: new MetricsStore(redis, keys),
    orgs: new OrgRegistry(redis, keys, clock),
    /** A person's linked accounts (Entra ids per tenant): the person's own, across organisations. */
    personLinks: new PersonLinks(redis, keys, clock),
  };
}
export type GlobalRepositories = ReturnType<typeof createGlobalRepositories>;

/**
 * The deployment's repositories an organisation uses as they are: a conversation belongs to
 * at most one organisation and a person to many, so both stay in the deployment's directory;
 * `people` is the organisation's view of the people registry (`PeopleRegistry.seenIn`).
 */
export type SharedRepositories = Pick<GlobalRepositories, 'conversations' | 'people' | 'metrics' | 'personLinks'>;

/**
 * One organisation's repositories under `keys` (its `OrgKeys`; the deployment's `Keys` for
 * the single-municipality layout), with the deployment's `shared` ones in their place.
 * Built once per organisation and process (OrgDirectory).
 */
export function createRepositories(redis: RedisClient, keys: Keys, clock: () => Date, shared: SharedRepositories) {
  return {
    conversations: shared.conversations,
    people: shared.people,
    metrics: shared.metrics,
    personLinks: shared.personLinks,
    steering: new VersionedRepository(redis, keys, 'steering', steeringRecordSchema, clock),
    /** Found per turn by the conversation or person asking (`forumLookupTerms`), never by listing them all. */
    forums: new VersionedRepository(redis, keys, 'forum', forumRecordSchema, clock, { lookupTerms: forumLookupTerms }),
    meetings: new VersionedRepository(redis, keys, 'meeting', meetingRecordSchema, clock),
    /** Each meeting's Outlook/Teams calendar event (Microsoft Graph), keyed by meeting id. */
    calendarEvents: new VersionedRepository(redis, keys, 'calendarevent', calendarEventRecordSchema, clock),
    /** Forum answers, keyed by `answerId(meetingId, forumId)`; every version is kept. */
    answers: new VersionedRepository(redis, keys, 'answer', storedAnswerSchema, clock, { keepHistory: true }),
    /** Lägesbild snapshots, keyed by meeting id; every version is kept. */
    lagesbilder: new VersionedRepository(redis, keys, 'lagesbild', lagesbildRecordSchema, clock, { keepHistory: true }),
    /** The agenda of each meeting (keyed by meeting id), every version kept; chairs' edits are version-checked. */
    agendas: new VersionedRepository(redis, keys, 'agenda', agendaRecordSchema, clock, { keepHistory: true }),
    /** The chairs' splits and joins of each meeting's question groups (keyed by meeting id); every compile applies them. */
    mergeCorrections: new VersionedRepository(redis, keys, 'mergecorrections', mergeCorrectionsRecordSchema, clock),
    /** The state of each meeting's compile run and the cards that show it. */
    compileRuns: new VersionedRepository(redis, keys, 'compilerun', compileRunSchema, clock),
    /** Medborgarlöften: one record per promise (commitments and action items inside). */
    promises: new VersionedRepository(redis, keys, 'promise', promiseSchema, clock),
    /** Målbilder, one per district, keyed by `malbildIdFor(district)`. */
    malbilder: new VersionedRepository(redis, keys, 'malbild', malbildSchema, clock),
    /** A municipality's own läsårstider, keyed by calendar year ('2027'); replace SCHOOL_HOLIDAYS for that year. */
    schoolCalendars: new VersionedRepository(redis, keys, 'schoolcalendar', schoolCalendarSchema, clock),
    /** The residents' page: published public versions of the promise, per organisation slug, every version kept. */
    publicVersions: new PublicVersions(redis, keys, clock),
    reportReads: new ReportReads(redis, keys),
    audit: new AuditTrail(redis, keys),
    /** The organisation's own markers (timeline steps, prompt generations); turn markers are the deployment's. */
    markers: new Markers(redis, keys),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
