import type { CompileSize } from '../compile.js';
import type { FairnessResult } from '../fairness.js';
import type { FanoutResult } from '../fanout.js';
import type { FootprintResult } from '../footprint.js';
import type { InboundResult } from '../inbound.js';
import type { MergeResult } from '../merge.js';
import type { OrgsResult } from '../orgs.js';
import type { PublicBenchResult } from '../public.js';
import type { SpreadResult } from '../spread.js';
import type { StartupResult } from '../startup.js';
import type { TenantsResult } from '../tenants.js';
import type { ProfileSummary } from './profile.js';

export interface Machine {
  date: string;
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
  os: string;
  redis: string;
  /** 1-minute load average at the start and end: other work on the machine shows here. */
  loadAverage: { start: number; end: number };
}

/** One line of the table: a figure, its baseline, the goal and whether it was met. */
export interface Row {
  scenario: string;
  figure: string;
  value: string;
  baseline: string;
  goal: string;
  /** undefined: no goal (informational). */
  met?: boolean;
}

export interface Results {
  machine: Machine;
  seconds: number;
  rows: Row[];
  inbound?: InboundResult[];
  /** Every fan-out run, in order: `runs` consecutive rounds of one worker then two. */
  fanout?: FanoutResult[];
  compile?: CompileSize[];
  /** One per forum count (2,000 and 20,000), each after 10,000 answers. */
  footprint?: FootprintResult[];
  startup?: StartupResult;
  /** How the bot and the echo bot ran in inbound, footprint and fan-out. */
  runMode?: 'compiled' | 'tsx';
  /** Question merging on the labelled sets; a partial run (`--only merge`) updates only this. */
  merge?: MergeResult;
  /** The residents' page and JSON against a static file of the same bytes. */
  public?: PublicBenchResult;
  /** Many organisations: Redis per organisation and the reconcile tick, against one organisation with all the forums. */
  orgs?: OrgsResult;
  /** Inbound spread over many organisations against the same load in one. */
  spread?: SpreadResult;
  /** Fan-out across three tenants against one tenant alone. */
  tenants?: TenantsResult;
  /** One organisation's reminder round under another's fan-out, other tenant and same tenant. */
  fairness?: FairnessResult;
  /** When the organisation scenarios ran, if on their own (`--only orgs,spread,tenants,fairness`). */
  orgsMeasuredAt?: string;
  /** CPU profile of the bot under the inbound load; `before`: the same for the `--before` checkout. */
  profile?: { scenario: string; summary: ProfileSummary; before?: ProfileSummary };
  errors: { scenario: string; message: string }[];
}
