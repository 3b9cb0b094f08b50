/**
 * Every key lives under one configurable prefix. A record and its audit trail share a
 * hash tag (`{collection:id}`), so the Lua script that writes both runs on one Redis
 * Cluster slot.
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
}
