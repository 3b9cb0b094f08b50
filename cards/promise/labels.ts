import { meetingLabel } from '../../src/reports/followUp/labels.js';
import type { ActionStatus } from '../../src/domain/promise/promise.js';
import type { Catalog } from '../../src/i18n/index.js';

export { meetingLabel };

/** Status with a marker that reads without colour (försenad stands out in lists). */
export function statusText(m: Catalog, status: ActionStatus): string {
  return status === 'forsenad' ? `⚠ ${m.promise.actionStatuses[status]}` : m.promise.actionStatuses[status];
}

/** A short form of user text for titles and buttons (cards must stay small). */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
