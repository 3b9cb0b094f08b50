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
};
