/**
 * A forum's stored inspel (pre-meeting input) for one meeting: the shape the store
 * validates on every write and read. Free text here has already passed the personal
 * data guard in parseInputForm; this schema checks shape and limits only.
 */
import { z } from 'zod';

/** Trend since the last meeting: bättre (better), oförändrat (unchanged), sämre (worse), vet ej (don't know). */
export const trendValues = ['battre', 'oforandrat', 'samre', 'vetej'] as const;
/** Priority of a fråga till polisen (question for the police): hög, medel, låg. */
export const priorityValues = ['hog', 'medel', 'lag'] as const;
/**
 * Who may see the answer: öppen (the whole steering group), intern (steering members
 * only), känslig (sensitive: chairs only). Every output honours it, see sensitivity.ts.
 */
export const sensitivityValues = ['oppen', 'intern', 'kanslig'] as const;

export type Trend = (typeof trendValues)[number];
export type Priority = (typeof priorityValues)[number];
export type Sensitivity = (typeof sensitivityValues)[number];

/** Lengths in UTF-16 code units (as String.length), counts in items. */
export const inputLimits = {
  situation: 1000,
  otherTheme: 200,
  questions: 5,
  questionText: 500,
  agendaItems: 5,
  agendaItem: 300,
  needs: 2000,
  /** Sanity bounds, far above any real forum or theme list. */
  districts: 50,
  themes: 50,
  idLength: 100,
} as const;

export const districtAnswerSchema = z.object({
  district: z.string().min(1).max(inputLimits.idLength),
  trend: z.enum(trendValues, { error: 'chooseOne' }),
  situation: z.string().max(inputLimits.situation, 'tooLong'),
});
export type DistrictAnswer = z.infer<typeof districtAnswerSchema>;

export const policeQuestionSchema = z.object({
  text: z.string().min(1, 'required').max(inputLimits.questionText, 'tooLong'),
  priority: z.enum(priorityValues, { error: 'chooseOne' }),
});
export type PoliceQuestion = z.infer<typeof policeQuestionSchema>;

export const inputAnswerSchema = z.object({
  /** Only the districts the forum said something about. */
  districts: z.array(districtAnswerSchema).max(inputLimits.districts),
  /** Theme ids (themes.ts or the configured list). */
  themes: z.array(z.string().min(1).max(inputLimits.idLength)).max(inputLimits.themes),
  /** "Annat": a theme outside the list, in the forum's words. */
  otherTheme: z.string().min(1).max(inputLimits.otherTheme, 'tooLong').optional(),
  questions: z.array(policeQuestionSchema).max(inputLimits.questions, 'tooMany'),
  agendaItems: z.array(z.string().min(1).max(inputLimits.agendaItem, 'tooLong')).max(inputLimits.agendaItems, 'tooMany'),
  /** Behov och resurser: needs and resources. */
  needs: z.string().min(1).max(inputLimits.needs, 'tooLong').optional(),
  sensitivity: z.enum(sensitivityValues, { error: 'chooseOne' }),
});
export type InputAnswer = z.infer<typeof inputAnswerSchema>;
