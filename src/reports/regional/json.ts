/** The regional lägesbild as JSON: the picture as stored (already only the steering versions). */
import type { RegionalPicture } from '../../domain/regional/regionalPicture.js';

export const renderRegionalJson = (p: RegionalPicture): string => `${JSON.stringify({ regional: p }, null, 2)}\n`;
