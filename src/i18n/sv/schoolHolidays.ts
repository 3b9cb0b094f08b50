/** Swedish strings of the school-holiday rules (skollov) and the läsårstider command. */

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
};
