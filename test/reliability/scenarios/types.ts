/** The figures a scenario reports, in order: [label, value]. */
export type Figures = [string, string | number][];
