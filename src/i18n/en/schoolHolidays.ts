import type { schoolHolidaysSv } from '../sv/schoolHolidays.js';

const split = (p: string) => {
  const [label = '', weeks = '', from = '', to = ''] = p.split(';');
  return { label, weeks, from, to };
};

/** English strings of the school-holiday rules (same keys as sv/schoolHolidays.ts). */
export const schoolHolidaysEn: typeof schoolHolidaysSv = {
  fieldErrors: {
    schoolHoliday: (p: string) => {
      const { label, weeks, from, to } = split(p);
      return `The date is in ${label} (week ${weeks}, ${from} – ${to}), a school holiday. The steering group does not meet in school holidays – choose another week.`;
    },
  },
  example: 'school holidays 2027 sportlov 2027-02-22–2027-02-26, påsklov 2027-03-29–2027-04-02, höstlov 2027-11-01–2027-11-05, jullov 2027-12-22–2028-01-07',
  usage: (example: string) =>
    `Enter the municipality's school holidays (läsårstider) for a year, so the steering group does not meet in them: **${example}**. The dates replace the default weeks for that year; **school holidays 2027 remove** goes back to them.`,
  yearTitle: (year: number, own: boolean) => `**School holidays ${year}** ${own ? "(the municipality's läsårstider)" : '(the default weeks in SCHOOL_HOLIDAYS)'}:`,
  line: (label: string, weeks: string, from: string, to: string) => `- ${label}: week ${weeks}, ${from} – ${to}`,
  entered: (years: string) => `The municipality's own läsårstider are entered for: ${years}.`,
  noneEntered: 'No läsårstider of your own are entered: the default weeks apply.',
  saved: (year: number) => `The läsårstider for ${year} are saved. Proposed and moved meetings now avoid these holidays.`,
  unchanged: (year: number) => `The läsårstider for ${year} were already these.`,
  removed: (year: number) => `The läsårstider for ${year} are removed: the default weeks apply again.`,
  nothingToRemove: (year: number) => `There were no läsårstider of your own for ${year}.`,
  conflicts: (lines: string) => `These meetings now fall in a school holiday – move them with **meetings**:\n${lines}`,
  conflictLine: (title: string, date: string) => `- ${title} (${date})`,
  chairOnly: 'Only a chair can enter läsårstider.',
  problems: {
    year: 'Give a year between 2000 and 2100 first, e.g. **school holidays 2027**.',
    format: (item: string) => `I did not understand “${item}”: write the holiday's name and dates, e.g. höstlov 2027-11-01–2027-11-05.`,
    endsBeforeStart: (item: string) => `“${item}” ends before it starts.`,
    tooLong: (item: string, maxDays: number) => `“${item}” is longer than ${maxDays} days – are the dates right?`,
    otherYear: (item: string, year: number) => `“${item}” does not start in ${year}. Enter one year's holidays at a time (jullov may end in January of the next year).`,
    tooMany: (max: number) => `At most ${max} holidays a year.`,
  },
};
