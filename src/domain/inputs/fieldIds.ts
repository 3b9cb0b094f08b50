/**
 * The input ids of the inspel card. The card builder and parseInputForm both use these,
 * so a renamed field breaks the build or a test rather than silently dropping input.
 * Districts are numbered by their 0-based place in the forum's district list;
 * questions are numbered 1–5 as the user sees them.
 */
import { inputLimits } from './answer.js';

export const questionNumbers = Array.from({ length: inputLimits.questions }, (_, i) => i + 1);

export const inputFieldIds = {
  trend: (districtIndex: number) => `trend_${districtIndex}`,
  situation: (districtIndex: number) => `situation_${districtIndex}`,
  themes: 'themes',
  otherTheme: 'otherTheme',
  question: (n: number) => `q${n}`,
  questionPriority: (n: number) => `q${n}prio`,
  agenda: 'agenda',
  needs: 'needs',
  sensitivity: 'sensitivity',
  /** Not an input: errors about the answer as a whole. */
  form: 'form',
} as const;
