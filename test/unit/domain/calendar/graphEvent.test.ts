import { describe, expect, it } from 'vitest';
import { graphDateTime, graphEventBody } from '../../../../src/domain/calendar/graphEvent.js';

describe('graphDateTime: wall-clock time in the Windows zone Exchange uses', () => {
  it.each([
    ['winter (CET)', '2027-02-17T12:00:00.000Z', 'Europe/Stockholm', { dateTime: '2027-02-17T13:00:00', timeZone: 'W. Europe Standard Time' }],
    ['summer (CEST)', '2027-06-09T11:00:00.000Z', 'Europe/Stockholm', { dateTime: '2027-06-09T13:00:00', timeZone: 'W. Europe Standard Time' }],
    ['the night DST ends', '2027-10-31T01:30:00.000Z', 'Europe/Stockholm', { dateTime: '2027-10-31T02:30:00', timeZone: 'W. Europe Standard Time' }],
    ['Helsinki', '2027-02-17T12:00:00.000Z', 'Europe/Helsinki', { dateTime: '2027-02-17T14:00:00', timeZone: 'FLE Standard Time' }],
    ['a zone without a mapping falls back to UTC instants', '2027-02-17T12:00:00.000Z', 'America/Sao_Paulo', { dateTime: '2027-02-17T12:00:00', timeZone: 'UTC' }],
    ['UTC', '2027-02-17T12:00:00.000Z', 'UTC', { dateTime: '2027-02-17T12:00:00', timeZone: 'UTC' }],
  ])('%s', (_label, iso, zone, expected) => {
    expect(graphDateTime(new Date(iso), zone)).toEqual(expected);
  });
});

describe('graphEventBody', () => {
  const interval = { start: new Date('2027-02-17T12:00:00.000Z'), end: new Date('2027-02-17T14:00:00.000Z') };
  const attendees = [
    { address: 'Sara.Lind@linkoping.example', name: 'Sara Lind' },
    { address: 'anders.berg@polisen.example', name: 'Anders Berg' },
    { address: 'sara.lind@linkoping.example', name: 'Sara Lind (dubblett)' },
  ];

  it('a create: a Teams online meeting, every member once, the transaction id', () => {
    const body = graphEventBody({ year: 2027, index: 1 }, interval, attendees, { timeZone: 'Europe/Stockholm', lang: 'sv', texts: { body: 'Text' }, transactionId: 'tx-1' });
    expect(body).toEqual({
      subject: 'Styrgruppsmöte 1/2027',
      body: { contentType: 'text', content: 'Text' },
      start: { dateTime: '2027-02-17T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2027-02-17T15:00:00', timeZone: 'W. Europe Standard Time' },
      attendees: [
        { emailAddress: { address: 'anders.berg@polisen.example', name: 'Anders Berg' }, type: 'required' },
        { emailAddress: { address: 'Sara.Lind@linkoping.example', name: 'Sara Lind' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      transactionId: 'tx-1',
    });
  });

  it('an update carries no transaction id (Graph refuses to change it) and speaks English when configured', () => {
    const body = graphEventBody({ year: 2027, index: 2 }, interval, [], { timeZone: 'Europe/Stockholm', lang: 'en', texts: { body: 'Text' } });
    expect(body).not.toHaveProperty('transactionId');
    expect(body.subject).toBe('Steering group meeting 2/2027');
    expect(body.attendees).toEqual([]);
  });
});
