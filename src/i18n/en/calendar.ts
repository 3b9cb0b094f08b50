import type { calendarSv } from '../sv/calendar.js';

/** English strings of the Outlook/Teams calendar (Microsoft Graph) feature. */
export const calendarEn: typeof calendarSv = {
  join: 'Join the Teams meeting',
  openInOutlook: 'Open in Outlook',
  eventBody: (title: string, publicUrl: string) =>
    `${title} – the steering group for safety and crime prevention (municipality and police).\n\nThe situational picture, agenda and forum input are in Samverkan in the steering group's Teams channel.\n${publicUrl}`,
  cancelComment: (title: string) => `${title} is cancelled. Its input requests and reminders are removed in Samverkan.`,
  status: {
    inCalendar: (count: number) => `In the Outlook calendar, ${count} invited`,
    pending: 'Being added to the Outlook calendar …',
    problem: 'Calendar problem – see the message to the chairs',
  },
  problem: {
    attendeesTitle: 'Not everyone in the steering channel could be invited to the meetings',
    title: (meeting: string) => `The calendar for ${meeting} could not be updated`,
    credentials: (code: string) =>
      `Samverkan cannot sign in to Microsoft Graph (${code}). The client secret has probably expired or is wrong. An admin creates a new secret in the Entra admin center (App registrations → Samverkan → Certificates & secrets) and sets it in GRAPH_CLIENT_SECRET.`,
    permission: (mailbox: string, code: string) =>
      `Samverkan has no permission to the calendar of the mailbox ${mailbox} (${code}). An admin grants admin consent for Calendars.ReadWrite and User.Read.All and checks that the mailbox is in the app's access policy in Exchange Online.`,
    mailbox: (mailbox: string, code: string) => `The mailbox ${mailbox} does not exist or has no Exchange Online (${code}). Check GRAPH_ORGANIZER.`,
    attendeesMissing: (names: string) =>
      `These members are no longer in the organisation's directory and were not invited: ${names}. Remove them from the steering group's channel.`,
    failed: (attempts: number, code: string) =>
      `Microsoft Graph did not answer after ${attempts} attempts (${code}). The meeting stays in the plan and the .ics file works. The attempt is visible in Bull Board (/admin/queues) and is made again at the next reconcile.`,
    planUnaffected: 'The meeting plan and the reminders are not affected.',
  },
};
