/**
 * The use-case layer's dependencies. Every rule that is not pure workflow (404s, reading with the
 * reader check, If-Match, transitions, documents, attachments) lives in the modules beside this one;
 * the HTTP apps (functions/*) and the web pages (functions/web) are thin adapters over them and never
 * call a store. Each use case asks only for the part of these dependencies it uses, so a function
 * without bucket access never builds the S3 clients.
 */
import { CYCLES, findCycle, type CycleInfo } from '../form';
import type { AttachmentStore } from '../store/attachment-store';
import type { ReportStore } from '../store/report-store';

/** Where cycles (their forms, participants and deadlines) come from. */
export interface CycleCatalog {
  get(id: string): Promise<CycleInfo | undefined>;
  /** Every cycle, oldest first. */
  list(): Promise<CycleInfo[]>;
}

/** The reports' store and the cycles: what every report use case needs. */
export interface ReportDeps {
  reports: ReportStore;
  cycles: CycleCatalog;
}

/** Report use cases that also touch attachment bytes (S3). */
export interface AttachmentDeps extends ReportDeps {
  attachments: AttachmentStore;
}

/** The catalog of the cycles held in code (the 2014 cycle of the published forms). */
export function staticCycleCatalog(): CycleCatalog {
  const infos = CYCLES.map((cycle) => findCycle(cycle.id)!);
  return {
    get: async (id) => findCycle(id),
    list: async () => infos,
  };
}
