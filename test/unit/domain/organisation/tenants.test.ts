import { describe, expect, it } from 'vitest';
import { tenantIdSchema, tenantIsAllowed } from '../../../../src/domain/organisation/tenants.js';

const A = '11111111-2222-3333-4444-555555555555';
const B = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('tenantIsAllowed', () => {
  it.each([
    ['no list: any tenant', [], [], B, true],
    ['no list: even no tenant', [], [], undefined, true],
    ['in ALLOWED_TENANTS', [A], [], A, true],
    ['in ALLOWED_TENANTS, other case', [A.toUpperCase()], [], A, true],
    ['allowed in Teams', [A], [B], B, true],
    ['allowed in Teams, asked in upper case', [A], [B], B.toUpperCase(), true],
    ['in neither', [A], [], B, false],
    ['no tenant on the activity', [A], [B], undefined, false],
  ] as const)('%s', (_name, env, teams, tenant, expected) => {
    expect(tenantIsAllowed(env, new Set(teams), tenant)).toBe(expected);
  });
});

describe('tenantIdSchema', () => {
  it.each([
    [A, A],
    [` ${B.toUpperCase()} `, B],
  ])('accepts %s', (input, out) => {
    expect(tenantIdSchema.parse(input)).toBe(out);
  });
  it.each(['', 'kinnestad', '11111111-2222-3333-4444', `${A}0`, 'gggggggg-2222-3333-4444-555555555555'])('refuses %j', (input) => {
    expect(tenantIdSchema.safeParse(input).success).toBe(false);
  });
});
