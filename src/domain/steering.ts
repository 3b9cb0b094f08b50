import { z } from 'zod';

/** The styrgrupp (steering group): its channel, and the chairs a chair has added. */
export const steeringRecordSchema = z.object({
  conversationId: z.string().min(1),
  registeredBy: z.string(),
  registeredAt: z.string(),
  /** Chairs added by another chair, on top of CHAIR_IDS. */
  extraChairIds: z.array(z.string()).default([]),
  /** Users seen acting in the steering channel (the channel is the membership). */
  memberIds: z.array(z.string()).default([]),
});
export type SteeringRecord = z.infer<typeof steeringRecordSchema>;

export const STEERING_ID = 'styrgrupp';
