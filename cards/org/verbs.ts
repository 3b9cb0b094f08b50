import { z } from 'zod';
import { orgIdSchema } from '../../src/domain/organisation/organisation.js';

const version = z.coerce.number().int().min(0).max(1_000_000_000);

/** Organisation verbs. `org.choose` names its organisation as `choice`: `org` is the stamp every card carries. */
export const orgVerbSchemas = {
  'org.choose': z.object({ choice: orgIdSchema, cmd: z.string().max(2000).optional() }),
  'org.settingsOpen': z.object({}),
  'org.settingsSave': z.object({ version }).passthrough(),
  /** The settings' version the card showed, and the name the chair typed (the card's input). */
  'org.deleteConfirm': z.object({ version, name: z.string().max(200).optional() }),
} as const;
