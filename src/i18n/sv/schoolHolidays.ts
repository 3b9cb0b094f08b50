/** Swedish strings of the school-holiday rules (skollov) and the `läsårstider` command. */

/** Field-error param: "label;weeks;from;to" (see services/schoolHolidayCode.ts). */
const split = (p: string) => {
  const [label = '', weeks = '', from = '', to = ''] = p.split(';');
  return { label, weeks, from, to };
};

export const schoolHolidaysSv = {
  fieldErrors: {
    schoolHoliday: (p: string) => {
      const { label, weeks, from, to } = split(p);
      return `Datumet ligger i ${label} (vecka ${weeks}, ${from} – ${to}). Styrgruppen möts inte på skollov – välj en annan vecka.`;
    },
  },
  example: 'läsårstider 2027 sportlov 2027-02-22–2027-02-26, påsklov 2027-03-29–2027-04-02, höstlov 2027-11-01–2027-11-05, jullov 2027-12-22–2028-01-07',
  usage: (example: string) =>
    `Ange kommunens läsårstider för ett år, så möts styrgruppen inte på loven: **${example}**. Datumen ersätter standardveckorna för det året; **läsårstider 2027 ta bort** går tillbaka till dem.`,
  yearTitle: (year: number, own: boolean) => `**Skollov ${year}** ${own ? '(kommunens läsårstider)' : '(standardveckorna i SCHOOL_HOLIDAYS)'}:`,
  line: (label: string, weeks: string, from: string, to: string) => `- ${label}: vecka ${weeks}, ${from} – ${to}`,
  entered: (years: string) => `Kommunens egna läsårstider finns för: ${years}.`,
  noneEntered: 'Inga egna läsårstider är angivna: standardveckorna gäller.',
  saved: (year: number) => `Läsårstiderna för ${year} är sparade. Förslag och flyttar av möten undviker nu de här loven.`,
  unchanged: (year: number) => `Läsårstiderna för ${year} var redan de här.`,
  removed: (year: number) => `Läsårstiderna för ${year} är borttagna: standardveckorna gäller igen.`,
  nothingToRemove: (year: number) => `Det fanns inga egna läsårstider för ${year}.`,
  conflicts: (lines: string) => `De här mötena ligger nu på ett skollov – flytta dem med **möten**:\n${lines}`,
  conflictLine: (title: string, date: string) => `- ${title} (${date})`,
  chairOnly: 'Bara en ordförande kan ange läsårstider.',
  problems: {
    year: 'Ange ett år mellan 2000 och 2100 först, t.ex. **läsårstider 2027**.',
    format: (item: string) => `Jag förstod inte ”${item}”: skriv lovets namn och datum, t.ex. höstlov 2027-11-01–2027-11-05.`,
    endsBeforeStart: (item: string) => `”${item}” slutar innan det börjar.`,
    tooLong: (item: string, maxDays: number) => `”${item}” är längre än ${maxDays} dagar – är datumen rätt?`,
    otherYear: (item: string, year: number) => `”${item}” börjar inte ${year}. Ange loven för ett år i taget (jullov får sluta i januari året efter).`,
    tooMany: (max: number) => `Högst ${max} lov per år.`,
  },
};
