/**
 * The use-case layer's dependencies. Every rule that is not pure workflow (404s, reading with the
 * reader check, If-Match, transitions, documents, attachments, cycles) lives in the modules beside
 * this one; the HTTP apps (functions/*) and the web pages (functions/web) are thin adapters over them
 * and never call a store. Each use case asks only for the part of these dependencies it uses, so a
 * function without bucket access never builds the S3 clients.
 */
import type { Cycle, CycleInfo } from '../form';
import type { AttachmentStore } from '../store/attachment-store';
import type { ReportStore } from '../store/report-store';

/**
 * Where cycles (their forms, participants, deadlines and statuses) come from: the table, through a
 * per-container cache (shared/store/cycle-store.ts), so a cycle read on a hot path costs no round trip.
 */
export interface CycleCatalog {
  get(id: string): Promise<CycleInfo | undefined>;
  /** Every cycle, oldest first. */
  list(): Promise<CycleInfo[]>;
}

/** The catalog with what the cycle admin use cases need besides reading. */
export interface CycleRegistry extends CycleCatalog {
  /** Every cycle read consistently from the table (and this container's cache refreshed): what an admin change decides on. */
  fresh(): Promise<CycleInfo[]>;
  /** Writes a cycle on the condition that its item is still at `expectedVersion` (0: not written yet), 409 otherwise. */
  save(cycle: Cycle, expectedVersion: number): Promise<CycleInfo>;
}

/** The reports' store and the cycles: what every report use case needs. */
export interface ReportDeps {
  reports: ReportStore;
  cycles: CycleCatalog;
}

/** The cycle admin use cases: they write cycles, and read report summaries before a participant leaves. */
export interface CycleAdminDeps {
  reports: ReportStore;
  cycles: CycleRegistry;
}

/** Report use cases that also touch attachment bytes (S3). */
export interface AttachmentDeps extends ReportDeps {
  attachments: AttachmentStore;
}
