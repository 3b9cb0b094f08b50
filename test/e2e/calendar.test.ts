// End-to-end scenario of the Outlook/Teams calendar (issue 8) through the real Microsoft 365
// Agents Playground and Chromium, with Microsoft Graph played by FakeGraph (HTTPS, in this
// process; the bot child process trusts its certificate through NODE_EXTRA_CA_CERTS, set by
// the e2e project's tlsGlobalSetup).
//
// A chair registers the steering channel and confirms next year's plan. The invitations are
// posted in the channel; Graph creates one Teams meeting per meeting, inviting the channel's
// roster (the Playground's pagedmembers) looked up in the directory; each invitation card
// then gets "Anslut till Teams-mötet" in place, and `möten` shows the calendar status.
//
// Graph's event creates are held until the three invitations are on screen without the join
// button, so the update in place is what is tested (otherwise a fast Graph could win the race
// and the card would be posted with the button already).
import type { Locator, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FakeGraph, type FakeEvent } from '../support/fakeGraph.js';
import { cardJson, elementsOf } from './cardJson.js';
import { DEFAULT_PLAYGROUND_CONFIG as PG, useE2EStack, type BotMessage, type Stack } from './harness.js';
import { registerSteeringAndConfirmYear } from './chairFlows.js';

const STEERING = PG.team.channels[0]!.name; // "Möten"
const STEERING_ID = PG.team.channels[0]!.id;
const STEP_MS = 20_000;
const YEAR = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 1;
const TITLES = [1, 2, 3].map((i) => `Styrgruppsmöte ${i}/${YEAR}`);
const JOIN = 'Anslut till Teams-mötet';
/** The steering group's shared calendar (invented). */
const ORGANIZER = 'styrgrupp@kommun.example';
/** Everyone the Playground puts in the team: the chair (current user) and its five users. Invented people. */
const PEOPLE = [PG.currentUser, ...PG.users];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** The join URL of a card as the bot sent it (Action.OpenUrl titled "Anslut till Teams-mötet"). */
const joinUrlsOf = (m: BotMessage): string[] =>
  elementsOf(cardJson(m))
    .filter((e) => e.type === 'Action.OpenUrl' && e.title === JOIN)
    .map((e) => String(e.url));

/**
 * The rendered button of a card's Action.OpenUrl: the Adaptive Cards renderer gives it
 * role="link", aria-label = the action's title and title = its URL.
 */
const openUrlButton = (m: BotMessage, title: string) => m.element.getByRole('link', { name: title, exact: true });

/** Clicks an OpenUrl button; returns the URL of the window it opened (Teams' host answered by a stub). */
async function openTeamsLink(stack: Stack, button: Locator): Promise<string> {
  const stub = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Teams (e2e stub)</title>' });
  await stack.context.route('https://teams.microsoft.com/**', stub);
  try {
    const [popup] = await Promise.all([stack.context.waitForEvent('page', { timeout: STEP_MS }), button.click()]);
    await popup.waitForLoadState('load');
    const url = popup.url();
    await popup.close();
    return url;
  } finally {
    await stack.context.unroute('https://teams.microsoft.com/**', stub);
  }
}

const invitationsIn = async (stack: Stack): Promise<BotMessage[]> => (await stack.botMessages()).filter((m) => m.hasCard && m.text.includes('Kallelse:'));

/** PUT …/activities/<id>: the bot updating a message in place (through the tap). */
const updatesOf = (stack: Stack, activityId: string) =>
  stack.activitiesFromBot().filter((x) => x.method === 'PUT' && decodeURIComponent(x.path.split('?')[0]!).endsWith(`/activities/${activityId}`));

describe('calendar: confirming the plan puts Teams meetings in Outlook and the join link on the cards', () => {
  let fake: FakeGraph | undefined;
  let hold: ReturnType<FakeGraph['holdRequests']> | undefined;

  beforeAll(async () => {
    fake = await FakeGraph.start({ tenantId: PG.tenantId, mailboxes: [ORGANIZER] });
    for (const p of PEOPLE) fake.addUser({ id: p.aadObjectId, displayName: p.name, mail: p.email, userPrincipalName: p.userPrincipleName });
    hold = fake.holdRequests((r) => r.method === 'POST' && r.path.endsWith('/events'));
  });
  // Registered before useE2EStack's: vitest runs after-hooks in reverse, so the stack stops first.
  afterAll(async () => {
    hold?.open();
    await fake?.stop();
  });
  beforeEach((ctx) => {
    ctx.onTestFailed(() => {
      const calls = (fake?.requests ?? []).map((r) => `  ${r.method} ${r.path.slice(0, 160)} → ${r.status}`).join('\n') || '  (none)';
      console.error(`[e2e] FakeGraph: ${hold?.held() ?? 0} event create(s) held; counts ${JSON.stringify(fake?.counts())}; requests:\n${calls}`);
    });
  });

  const e2e = useE2EStack(() => ({
    env: {
      CHAIR_IDS: PG.currentUser.aadObjectId,
      ALLOWED_TENANTS: PG.tenantId,
      GRAPH_ENABLED: 'true',
      GRAPH_TENANT_ID: fake!.tenantId,
      GRAPH_CLIENT_ID: fake!.clientId,
      GRAPH_CLIENT_SECRET: fake!.clientSecret,
      GRAPH_ORGANIZER: ORGANIZER,
      GRAPH_AUTHORITY_HOST: fake!.authorityHost,
      GRAPH_BASE_URL: fake!.baseUrl,
    },
  }));

  /** Meeting title → the invitation message's id, as first posted. */
  const invitationIds = new Map<string, string>();

  test(`a chair registers the steering channel and confirms ${YEAR}: three invitations, no join button yet`, async () => {
    const { stack } = e2e;
    await registerSteeringAndConfirmYear(stack, STEERING, YEAR, STEP_MS);

    const invitations = await eventually('three invitations in the steering channel', 30_000, async () => {
      const found = await invitationsIn(stack);
      return found.length >= 3 ? found : undefined;
    });
    expect(invitations).toHaveLength(3);
    for (const t of TITLES) {
      const inv = invitations.find((m) => m.text.includes(`Kallelse: ${t}`));
      expect(inv, `invitation for ${t}`).toBeTruthy();
      // Graph has not answered yet: the card has the .ics link only.
      expect(joinUrlsOf(inv!)).toEqual([]);
      expect(await openUrlButton(inv!, JOIN).count()).toBe(0);
      invitationIds.set(t, inv!.id);
    }
    // The bot asked Graph to create them (token, roster, directory done), and waits.
    await eventually('the calendar worker to send the event creates', STEP_MS, () => (hold!.held() >= 1 ? true : undefined));
    expect(fake!.counts().creates).toBe(0);
  });

  test('Graph answers: each invitation card gains "Anslut till Teams-mötet" in place', async () => {
    const { stack } = e2e;
    expect(invitationIds.size).toBe(3);
    hold!.open();

    await eventually('three events in the organizer’s calendar', 30_000, () => (fake!.events(ORGANIZER).length >= 3 ? true : undefined));
    const events = fake!.events(ORGANIZER);
    for (const t of TITLES) {
      const id = invitationIds.get(t)!;
      const event = events.find((e) => e.subject === t);
      expect(event, `event for ${t}`).toBeTruthy();
      const updated = await stack.waitForBotMessage((m) => m.id === id && m.text.includes(JOIN), 30_000);
      expect(updated.text).toContain(`Kallelse: ${t}`);
      expect(joinUrlsOf(updated)).toEqual([event!.onlineMeeting!.joinUrl]);
      const button = openUrlButton(updated, JOIN);
      await button.waitFor({ state: 'visible', timeout: STEP_MS });
      expect(await button.count()).toBe(1);
      expect(await button.getAttribute('title')).toBe(event!.onlineMeeting!.joinUrl);
      // In place: the bot PUT the card to the message it had posted, and the connector took it.
      const puts = updatesOf(stack, id).filter((x) => JSON.stringify(x.activity?.attachments ?? '').includes(event!.onlineMeeting!.joinUrl));
      expect(puts.length, `PUT …/activities/${id} with the join link`).toBeGreaterThanOrEqual(1);
      expect(puts.every((x) => x.status === 200)).toBe(true);
    }
    // Clicking it opens the Teams join link (a stub page stands in for teams.microsoft.com).
    const first = await stack.waitForBotMessage((m) => m.id === invitationIds.get(TITLES[0]!), STEP_MS);
    const joinUrl = events.find((e) => e.subject === TITLES[0])!.onlineMeeting!.joinUrl;
    expect(await openTeamsLink(stack, openUrlButton(first, JOIN))).toBe(new URL(joinUrl).href);
    // Still one invitation per meeting: nothing was posted anew.
    expect(await invitationsIn(stack)).toHaveLength(3);
    await stack.screenshot('calendar-invitations-with-join-button');
  });

  test('the organizer’s calendar: one online Teams meeting per meeting, everyone in the channel invited', async () => {
    const { stack } = e2e;
    const events: FakeEvent[] = fake!.events(ORGANIZER);
    expect(events.map((e) => e.subject).sort()).toEqual([...TITLES].sort());
    expect(fake!.counts().creates).toBe(3);
    for (const e of events) {
      expect(e.isCancelled).toBe(false);
      expect(e.isOnlineMeeting).toBe(true);
      expect(e.onlineMeetingProvider).toBe('teamsForBusiness');
      expect(e.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      expect(e.attendees.map((a) => a.emailAddress.address).sort()).toEqual(PEOPLE.map((p) => p.email).sort());
      expect(e.attendees.map((a) => a.emailAddress.name).sort()).toEqual(PEOPLE.map((p) => p.name).sort());
    }
    // The roster came from the Playground (Bot Connector pagedmembers), the people from the directory.
    const paged = stack.activitiesFromBot().filter((x) => x.method === 'GET' && x.path.includes(`/v3/conversations/${encodeURIComponent(STEERING_ID)}/pagedmembers`));
    expect(paged.length).toBeGreaterThanOrEqual(1);
    expect(paged.every((x) => x.status === 200)).toBe(true);
    const lookups = fake!.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1.0/users?') && r.path.includes('$filter=id in ('));
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    for (const p of PEOPLE) expect(lookups.some((r) => r.path.includes(`'${p.aadObjectId}'`)), `${p.name} looked up`).toBe(true);
  });

  test(`möten shows "I Outlook-kalendern, ${PEOPLE.length} inbjudna" and the join button for each meeting`, async () => {
    const { stack } = e2e;
    const mark = await stack.sendMessage('möten');
    const listed = await stack.waitForBotMessage((m) => m.hasCard && m.text.includes('Styrgruppens möten') && !m.text.includes('Kallelse:'), STEP_MS, { since: mark });
    const status = `I Outlook-kalendern, ${PEOPLE.length} inbjudna`;
    expect(listed.text.split(status).length - 1).toBe(3);
    for (const t of TITLES) expect(listed.text).toContain(t);
    const events = fake!.events(ORGANIZER);
    expect(joinUrlsOf(listed).sort()).toEqual(events.map((e) => e.onlineMeeting!.joinUrl).sort());
    const buttons = openUrlButton(listed, JOIN);
    await buttons.first().waitFor({ state: 'visible', timeout: STEP_MS });
    expect(await buttons.count()).toBe(3);
    const rendered = await buttons.evaluateAll((ns) => ns.map((n) => n.getAttribute('title') ?? ''));
    expect(rendered.sort()).toEqual(events.map((e) => e.onlineMeeting!.joinUrl).sort());
    await listed.element.scrollIntoViewIfNeeded();
    await stack.screenshot('calendar-moten');
  });
});
