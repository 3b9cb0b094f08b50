/**
 * Every key lives under one configurable prefix.
 *
 * `Keys` is the deployment's own (global) layout: conversations, people, turn state, rate
 * limits, locks, the organisation registry. A record and its audit trail share a hash tag
 * (`{collection:id}`), so the Lua script that writes both runs on one Redis Cluster slot.
 *
 * `OrgKeys` is one organisation's: every key carries the hash tag `{o:<orgId>}`, so all of
 * an organisation's keys share one slot (its Lua compare-and-set writes, multi-key deletes)
 * and organisations spread over the Cluster's nodes.
 */
export class Keys {
  constructor(readonly prefix: string) {}

  record(collection: string, id: string): string {
    return `${this.prefix}:rec:{${collection}:${id}}`;
  }

  audit(collection: string, id: string): string {
    return `${this.prefix}:audit:{${collection}:${id}}`;
  }

  /** Every version of a record, for collections that keep history (same hash tag). */
  history(collection: string, id: string): string {
    return `${this.prefix}:hist:{${collection}:${id}}`;
  }

  /** The ids of a collection's records filed under one lookup term (see VersionedRepository.findBy). */
  lookup(collection: string, term: string): string {
    return `${this.prefix}:lkp:${collection}:${term}`;
  }

  index(collection: string): string {
    return `${this.prefix}:idx:${collection}`;
  }

  of(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** A SCAN pattern for every audit list, and the collection and id of one such key. */
  auditPattern(): string {
    return `${this.prefix}:audit:{*`;
  }

  auditKeyParts(key: string): { collection: string; id: string } | null {
    const m = /:audit:\{([^:}]+):(.*)\}$/.exec(key);
    return m ? { collection: m[1]!, id: m[2]! } : null;
  }

  forOrg(orgId: string): OrgKeys {
    return new OrgKeys(this.prefix, orgId);
  }
}

export class OrgKeys extends Keys {
  /** `P:{o:<orgId>}`: the start of every key of the organisation. */
  readonly base: string;

  constructor(
    prefix: string,
    readonly orgId: string,
  ) {
    super(prefix);
    this.base = `${prefix}:{o:${orgId}}`;
  }

  override record(collection: string, id: string): string {
    return `${this.base}:rec:${collection}:${id}`;
  }

  override audit(collection: string, id: string): string {
    return `${this.base}:audit:${collection}:${id}`;
  }

  override history(collection: string, id: string): string {
    return `${this.base}:hist:${collection}:${id}`;
  }

  override lookup(collection: string, term: string): string {
    return `${this.base}:lkp:${collection}:${term}`;
  }

  override index(collection: string): string {
    return `${this.base}:idx:${collection}`;
  }

  override of(...parts: string[]): string {
    return [this.base, ...parts].join(':');
  }

  override auditPattern(): string {
    return `${this.base}:audit:*`;
  }

  override auditKeyParts(key: string): { collection: string; id: string } | null {
    if (!key.startsWith(`${this.base}:audit:`)) return null;
    const rest = key.slice(this.base.length + ':audit:'.length);
    const i = rest.indexOf(':');
    return i > 0 ? { collection: rest.slice(0, i), id: rest.slice(i + 1) } : null;
  }

  /** Every key of the organisation (for SCAN when it leaves). */
  pattern(): string {
    return `${this.base}:*`;
  }
}
