import type { LinkRefusal } from '../../domain/people/personLink.js';

/** Swedish strings of `länka konto` / `avlänka konto` (part of the sv catalog). */
export const linksSv = {
  codeTitle: 'Länka dina konton',
  codeShown: (code: string) => `Din kod: **${code}**`,
  codeHowTo: (minutes: number) =>
    `Öppna den personliga chatten med Samverkan från ditt **andra** konto (t.ex. som gäst i en annan organisation) och skriv **länka konto** följt av koden, inom ${minutes} minuter. Koden kan användas en gång. Visa den inte för någon annan.`,
  linked: (other: string) => `Klart: det här kontot är nu länkat med ${other}. Skriv **avlänka konto** för att ta bort en länk.`,
  linkedNotice: (other: string) => `Ditt konto länkades just med ${other} (med en kod från den här chatten). Var det inte du? Skriv **avlänka konto**.`,
  unlinkedNotice: (account: string) => `Länken till ${account} är borttagen. Kontona är inte längre samma person i Samverkan.`,
  account: (tenant: string | undefined, shortId: string) => (tenant ? `kontot ${shortId} i organisationen ${tenant}` : `kontot ${shortId}`),
  unlinkTitle: 'Dina länkade konton',
  unlinkIntro: 'Konton som är länkade räknas som samma person: dina åtgärder, data och sammanfattningar från alla organisationer samlas.',
  unlinkNone: 'Det här kontot är inte länkat till något annat konto. Skriv **länka konto** för att länka.',
  accountLine: (tenant: string, shortId: string, here: boolean) => `${shortId} · organisation ${tenant}${here ? ' (det här kontot)' : ''}`,
  unlinkButton: (shortId: string) => `Avlänka ${shortId}`,
  unlinked: (shortId: string) => `Kontot ${shortId} är avlänkat.`,
  codeDiscarded: 'Koden skrevs där andra kan se den och gäller inte längre. Skapa en ny med **länka konto** i din personliga chatt.',
  refusals: {
    'malformed-code': 'Koden ska vara 8 siffror, t.ex. **länka konto 1234 5678**.',
    'wrong-code': 'Koden stämmer inte. Kontrollera siffrorna eller skapa en ny kod med **länka konto** i ditt andra konto.',
    'expired-code': 'Koden har gått ut eller redan använts. Skapa en ny med **länka konto** i ditt andra konto.',
    'too-many-attempts': 'För många felaktiga koder. Försök igen om en timme.',
    'same-account': 'Koden skapades i det här kontot. Skriv den i den personliga chatten från ditt **andra** konto.',
    'already-linked': 'Kontona är redan länkade.',
    'linked-elsewhere': 'Båda kontona är redan länkade, till olika personer. Avlänka först (**avlänka konto**) och försök sedan igen.',
    'not-personal-chat': 'Det här görs bara i din personliga chatt med Samverkan, så att ingen annan ser koden.',
    'not-linked': 'Det kontot är inte länkat till dig.',
    'needs-identity': 'Det gick inte att se vem du är i Teams, så kontot kan inte länkas.',
  } satisfies Record<LinkRefusal, string>,
};
