/**
 * Who may change a målbild and who may enter indicator readings. Statements and
 * indicators are the steering group's goals: chairs set them. Readings are facts from
 * the field: chairs, steering members and members of an active forum that covers the
 * district enter them.
 */
import type { ForumRecord } from '../forum.js';
import type { Roles } from '../roles.js';

export function canEditMalbild(roles: Pick<Roles, 'chair'>): boolean {
  return roles.chair;
}

export function canEnterReading(roles: Roles, district: string, forums: readonly Pick<ForumRecord, 'id' | 'active' | 'districts'>[]): boolean {
  if (roles.chair || roles.steeringMember) return true;
  const key = district.toLocaleLowerCase('sv');
  return forums.some((f) => f.active && roles.forumIds.includes(f.id) && f.districts.some((d) => d.toLocaleLowerCase('sv') === key));
}

/** Stable id of a district's målbild ("malbild-skaggetorp"); one målbild per district. */
export function malbildIdFor(district: string): string {
  const slug = district
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `malbild-${slug || 'okand'}`;
}
