import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from '../../../../src/domain/inputs/personalDataGuard.js';

type Expect = { kind: PersonalDataKind; index: number };

describe('findPersonalData: personnummer', () => {
  const cases: [string, string, Expect][] = [
    ['10 digits with hyphen', '811218-9876', { kind: 'personnummer', index: 0 }],
    ['10 digits without separator', '8112189876', { kind: 'personnummer', index: 0 }],
    ['10 digits with plus (100 or older)', '811218+9876', { kind: 'personnummer', index: 0 }],
    ['10 digits with space', '811218 9876', { kind: 'personnummer', index: 0 }],
    ['hyphen with spaces around', '811218 - 9876', { kind: 'personnummer', index: 0 }],
    ['en dash from a word processor', '811218\u20139876', { kind: 'personnummer', index: 0 }],
    ['non-breaking space', '811218\u00a09876', { kind: 'personnummer', index: 0 }],
    ['12 digits with hyphen', '19811218-9876', { kind: 'personnummer', index: 0 }],
    ['12 digits without separator', '198112189876', { kind: 'personnummer', index: 0 }],
    ['12 digits with space', '19811218 9876', { kind: 'personnummer', index: 0 }],
    ['12 digits, 2000s', '200505051235', { kind: 'personnummer', index: 0 }],
    ['in a sentence', 'Gäller pojken 050505-1235 i Ryd.', { kind: 'personnummer', index: 14 }],
    ['glued to a label', 'pnr:8501011236.', { kind: 'personnummer', index: 4 }],
    ['in parentheses', 'Ägaren (870317-1234) hörs.', { kind: 'personnummer', index: 8 }],
    ['after a failing case number', 'Ärende 850101-1235 och 850101-1236', { kind: 'personnummer', index: 23 }],
    ['after an unrelated long number', 'Ref 123456 8501011236', { kind: 'personnummer', index: 11 }],
    ['after a date with a hyphen', 'Den 2027-03-10-850101-1236', { kind: 'personnummer', index: 15 }],
    ['on the second line', 'Inget här.\n19850101-1236', { kind: 'personnummer', index: 11 }],
    ['leap day', '000229-1235', { kind: 'personnummer', index: 0 }],
    ['day 31 (only the range is checked)', '991231-9994', { kind: 'personnummer', index: 0 }],
  ];
  it.each(cases)('%s', (_label, text, expected) => {
    expect(findPersonalData(text)).toEqual(expected);
  });
});

describe('findPersonalData: samordningsnummer (day + 60)', () => {
  const cases: [string, string, Expect][] = [
    ['Skatteverket example, 10 digits', '701063-2391', { kind: 'samordningsnummer', index: 0 }],
    ['10 digits, no separator', '8112789873', { kind: 'samordningsnummer', index: 0 }],
    ['12 digits', '19701063-2391', { kind: 'samordningsnummer', index: 0 }],
    ['day 61 (the 1st)', '460161-9879', { kind: 'samordningsnummer', index: 0 }],
    ['in text', 'Han har sam.nr 7010632391 enligt MB.', { kind: 'samordningsnummer', index: 15 }],
  ];
  it.each(cases)('%s', (_label, text, expected) => {
    expect(findPersonalData(text)).toEqual(expected);
  });
});

describe('findPersonalData: identity-number look-alikes that pass', () => {
  const cases: [string, string][] = [
    ['wrong check digit', '811218-9875'],
    ['wrong check digit, 12 digits', '19811218-9875'],
    ['wrong check digit, samordningsnummer', '701063-2392'],
    ['month 13', '811318-9876'],
    ['month 00', '810018-9876'],
    ['day 00', '811200-9876'],
    ['day 32', '811232-9876'],
    ['day 60 (between the ranges)', '811260-9876'],
    ['day 92', '811292-9876'],
    ['12 digits with a century that is no century', '55811218-9876'],
    ['organisation number (month ≥ 20)', 'Linköpings kommun 212000-2627'],
    ['11-digit number', '18112189876'],
    ['13-digit number', '1981121898760'],
    ['case number with a hyphen and failing checksum', 'Ärende 5000-K1234567-26'],
    ['police case number style', 'K 850101-1235'],
    ['numbers split by two separators', '811218--9876'],
  ];
  it.each(cases)('%s', (_label, text) => {
    expect(findPersonalData(text)).toBeNull();
  });
});

describe('findPersonalData: phone numbers', () => {
  const cases: [string, string, number][] = [
    ['mobile, hyphen and spaces', '070-123 45 67', 0],
    ['mobile, spaces', '070 123 45 67', 0],
    ['mobile, digits only', '0701234567', 0],
    ['mobile, hyphen only', '073-1234567', 0],
    ['mobile, +46', '+46 70 123 45 67', 0],
    ['mobile, +46 digits only', '+46701234567', 0],
    ['mobile, +46 with (0)', '+46 (0)70-123 45 67', 0],
    ['mobile, +46 with a redundant 0', '+46 070 123 45 67', 0],
    ['mobile, 0046', '0046 70 123 45 67', 0],
    ['mobile, 0046 digits only', '0046701234567', 0],
    ['landline Linköping', '013-12 34 56', 0],
    ['landline Linköping, 7-digit subscriber', '013-123 45 67', 0],
    ['landline Stockholm', '08-123 456 78', 0],
    ['landline Stockholm, short', '08-12 34 56', 0],
    ['landline 4-digit area code', '0142-123 45', 0],
    ['landline 4-digit area code, 6-digit subscriber', '0500-12 34 56', 0],
    ['area code and subscriber that could be read as times', '0500-123456', 0],
    ['landline international', '+46 13 12 34 56', 0],
    ['in a sentence', 'Ring Anna på 070-123 45 67 efter kl 16.', 13],
    ['followed by a count', 'Ring 0701234567 10 gånger', 5],
    ['followed by more groups', '070 123 45 67 10 st', 0],
    ['glued to a label', 'tel:013-123456', 4],
    ['after a year', 'Sedan 2027 070-123 45 67', 11],
    ['8 digits is enough', '070-123 45', 0],
  ];
  it.each(cases)('%s', (_label, text, index) => {
    expect(findPersonalData(text)).toEqual({ kind: 'phone', index });
  });
});

describe('findPersonalData: e-mail addresses', () => {
  const cases: [string, string, number][] = [
    ['plain', 'anna.berg@linkoping.se', 0],
    ['in a sentence', 'Mejla anna.berg@linkoping.se om detta.', 6],
    ['plus and digits', 'Kontakt: a.b+trygg2@polisen.se', 9],
    ['subdomain', 'x@mail.kommun.linkoping.se', 0],
    ['Swedish letters', 'åsa.öberg@kommunen.se', 0],
    ['in angle brackets', 'Åsa <asa@example.org>', 5],
    ['upper case', 'ANNA@LINKOPING.SE', 0],
  ];
  it.each(cases)('%s', (_label, text, index) => {
    expect(findPersonalData(text)).toEqual({ kind: 'email', index });
  });

  it.each([['@Anna nämnd i Teams'], ['anna@linkoping'], ['a@b.c'], ['mejla oss @ kommunen.se'], ['info at kommunen dot se']])('%s is no address', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });
});

describe('findPersonalData: ordinary steering-group text passes', () => {
  const texts = [
    'År 2027 ökade anmälningarna.',
    '2027',
    '6 narkotikasök under tertial 1',
    'Mötet 2027-03-10 kl 13:00',
    '2027-03-10 09:00–12:00',
    '10/3 2027',
    '10.03.2027',
    'Ökning med 25 % sedan förra året, 0,5 % av alla ärenden',
    'vecka 12',
    'v. 12–14',
    'kl 13:00',
    'kl 08.30-12.00',
    '3 av 15 åtgärder klara',
    'Kostnad 1 250 000 kr',
    'Postnummer 582 22 Linköping',
    'Dnr KS 2026-01234',
    'Dnr 2026/01234',
    'Ärende 5000-K123456-26',
    'Linköpings kommuns orgnr 212000-2627',
    'Tid 08-12',
    'Öppet kl 0800-1700',
    'Pass 0900 - 1200 och 2200-0600',
    '0 anmälningar, 12 händelser, 34 samtal och 56 besök',
    '01-03-2027 mötet',
    '08-12-2027 mötet',
    'Berga: 12 ungdomar, Ryd: 8, Skäggetorp: 20',
    '',
    'Inga personuppgifter här. Se www.polisen.se/linkoping för mer.',
    'Tertial 1 2027: 15 åtgärder, 4 försenade',
  ];
  it.each(texts)('%j', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });
});

describe('findPersonalData: several kinds', () => {
  it('reports the earliest', () => {
    expect(findPersonalData('Mejla a@b.se eller ring 070-123 45 67 (pnr 811218-9876)')).toEqual({ kind: 'email', index: 6 });
    expect(findPersonalData('Ring 070-123 45 67, mejla a@b.se')).toEqual({ kind: 'phone', index: 5 });
  });

  it('a number that is both a mobile number and a valid personnummer counts as personnummer', () => {
    expect(findPersonalData('0701234569')).toEqual({ kind: 'personnummer', index: 0 });
  });
});

describe('findPersonalData: large input', () => {
  const big = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
  it.each([
    ['letters', big('a')],
    ['digits', big('1')],
    ['digit groups', big('01 ')],
    ['address-like', big('a.')],
    ['at signs', big('a@')],
  ])('scans 1 MB of %s quickly', (_label, text) => {
    const started = performance.now();
    expect(findPersonalData(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still finds a number at the end of 1 MB', () => {
    const text = `${'x '.repeat(500_000)}811218-9876`;
    expect(findPersonalData(text)).toEqual({ kind: 'personnummer', index: 1_000_000 });
  });
});
