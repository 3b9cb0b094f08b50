/** The tenant whose share of Teams' global limit a send spends, from a stored conversation reference. */
import { describe, expect, it } from 'vitest';
import { tenantOfReference } from '../../../src/bot/sender.js';
import { UNKNOWN_TENANT } from '../../../src/store/sendPacer.js';

describe('tenantOfReference', () => {
  it.each([
    ['a Teams reference', { conversation: { id: '19:a@thread.tacv2', tenantId: 'tenant-a' } }, 'tenant-a'],
    ['a legacy reference without a tenant', { conversation: { id: '19:a@thread.tacv2' } }, UNKNOWN_TENANT],
    ['an empty tenant', { conversation: { id: '19:a@thread.tacv2', tenantId: '' } }, UNKNOWN_TENANT],
    ['a tenant that is not a string', { conversation: { id: 'x', tenantId: 42 } }, UNKNOWN_TENANT],
    ['no conversation at all', {}, UNKNOWN_TENANT],
  ] as const)('%s → %s', (_what, reference, expected) => {
    expect(tenantOfReference(reference as Record<string, unknown>)).toBe(expected);
  });
});
