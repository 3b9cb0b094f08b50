import { z } from 'zod';
import { inputAnswerSchema } from './answer.js';

/**
 * One forum's inspel for one meeting as stored: the answer plus who submitted it (from
 * the Teams user, never from card data) and whether this version came after the deadline.
 */
export const storedAnswerSchema = z.object({
  meetingId: z.string(),
  forumId: z.string(),
  answer: inputAnswerSchema,
  submittedBy: z.string(),
  submittedByName: z.string().max(200),
  submittedAt: z.string(),
  firstSubmittedAt: z.string(),
  /** This version arrived after the deadline. */
  late: z.boolean(),
  /** The first version was on time: the forum counts as answered, not late. */
  answeredOnTime: z.boolean(),
});
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

export const answerId = (meetingId: string, forumId: string) => `${meetingId}.${forumId}`;
