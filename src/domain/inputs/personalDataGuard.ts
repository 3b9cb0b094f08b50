/**
 * The guard for free text in forum inputs: the steering group's material must not
 * identify individuals, so personnummer, samordningsnummer, phone numbers and e-mail
 * addresses are refused (the caller names the field; the text is never echoed).
 */
import { findEmailAddress } from './emailAddress.js';
import { findIdentityNumber } from './personnummer.js';
import { findPhoneNumber } from './phoneNumber.js';

export const personalDataKinds = ['personnummer', 'samordningsnummer', 'phone', 'email'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offset of the first character of the match. */
  index: number;
}

/**
 * The earliest personal datum in `text`, or null. When two finders match at the same
 * place (a 10-digit mobile number can also pass as a personnummer) the identity number
 * wins: it is the stronger claim, having passed a checksum.
 */
export function findPersonalData(text: string): PersonalDataMatch | null {
  const found = [findIdentityNumber(text), findPhoneNumber(text), findEmailAddress(text)].filter(
    (m): m is PersonalDataMatch => m !== null,
  );
  let first: PersonalDataMatch | null = null;
  for (const m of found) if (!first || m.index < first.index) first = m;
  return first ? { kind: first.kind, index: first.index } : null;
}
