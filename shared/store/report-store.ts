/**
 * DynamoDB repository of reports: the secondary adapter behind the workflow. It owns keys,
 * expressions and SDK errors; it turns a failed condition into a domain error (409/412), never a
 * silent overwrite. Every method is one DynamoDB round trip (plus pagination past 1 MB).
 */
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CycleInfo } from '../form';
import {
  ConflictError,
  PreconditionFailedError,
  emptyReport,
  isAfterDeadline,
  type ActorRef,
  type ReportState,
  type ReportStatus,
  type SectionState,
  type SectionStatus,
  type TransitionPlan,
  type Comment,
  type DraftReview,
} from '../workflow';
import { batchGetAll, cancellationReasons, isTransactionConflict, queryAll, type ItemKey } from './dynamo';
import { ReportArchive } from './report-archive';
import { AuditEventSchema, CommentItemSchema, DraftItemSchema, MetaItemSchema, SectionItemSchema, type AuditEvent, type MetaItem } from './items';
import { answerWrite, newCommentId, revisionPut, transitionItems } from './report-writes';
import { newNotice, noticePut } from './notice-items';
import { COMMENT_PREFIX, DRAFT_PREFIX, EVENT_PREFIX, GSI1, META_SK, REPORT_ITEMS_PREFIX, SECTION_PREFIX, commentPrefix, commentSk, cycleGsiPk, draftSk, reportPk, reviewGsiSk, sectionSk } from './keys';

export { AuditEventSchema, type AuditEvent } from './items';

/** One row of a cycle's report list. */
export interface ReportSummary {
  cycle: string;
  country: string;
  status: ReportStatus;
  version: number;
  updatedAt?: string;
  /** Section id → status; every section of the form. */
  sectionStatuses: Record<string, SectionStatus>;
  /** The number of the latest publication (0: never published). */
  publications: number;
  /** When the latest publication was made. */
  publishedAt?: string;
  /** Sections changed since their last review when the report was last submitted. */
  changedSections: string[];
  /** Draft reviews kept on the report (listed when the whole cycle is read). */
  reviewsInProgress?: Array<{ reviewer: ActorRef; decisions: number; updatedAt: string }>;
  /** When the report was first submitted, and whether after the participant's deadline. */
  submittedAt?: string;
  late?: boolean;
}

/** A report of some cycle, by address. */
export interface ReportRef {
  cycle: string;
  country: string;
}

/** A section of some report, by address. */
export interface SectionRef extends ReportRef {
  section: string;
}

/** Items read by key across reports and cycles (see `ReportStore.readItems`). */
export interface ReportItems {
  /** A report's status (undefined: nobody has touched it, a fresh draft). */
  report(at: ReportRef): Pick<MetaItem, 'status' | 'version' | 'updatedAt' | 'submittedAt' | 'late'> | undefined;
  /** A section as stored (undefined: never written, an empty draft). */
  section(at: SectionRef): SectionState | undefined;
}

/** An answer as a save wrote it. */
export type SavedSection = Pick<SectionState, 'id' | 'status' | 'text' | 'nothingToReport' | 'version' | 'contentVersion' | 'updatedAt' | 'updatedBy'>;

/** A report as read: its state, the draft reviews kept on it, and the raw items of other kinds in its partition (attachments). */
export interface ReportRead {
  report: ReportState;
  drafts: DraftReview[];
  otherItems: Record<string, unknown>[];
}

export interface ReportStoreOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  clock?: () => Date;
}

export class ReportStore {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  private readonly clock: () => Date;

  /** Revisions, attachment activity and publications: read outside the report's own Query. */
  readonly archive: ReportArchive;

  constructor(options: ReportStoreOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
    this.archive = new ReportArchive(options.doc, options.tableName);
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * A whole report in one Query; an untouched participant's report reads as a fresh draft.
   * `consistent` for reads that decide a write (a transition must not be planned on a stale copy).
   */
  async getReport(info: CycleInfo, country: string, options: { consistent?: boolean } = {}): Promise<ReportRead> {
    const items = await this.queryAll({
      ...(options.consistent ? { ConsistentRead: true } : {}),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reportPk(info.cycle.id, country), ':prefix': REPORT_ITEMS_PREFIX },
    });
    const report = emptyReport(info.cycle.id, country, info.sectionIds);
    const drafts: DraftReview[] = [];
    const otherItems: Record<string, unknown>[] = [];
    let latest: string | undefined;
    for (const item of items) {
      const sk = String(item.sk);
      if (sk === META_SK) {
        const meta = MetaItemSchema.parse(item);
        report.status = meta.status;
        report.version = meta.version;
        if (meta.publications) report.publications = meta.publications;
        if (meta.publishedAt) report.publishedAt = meta.publishedAt;
        if (meta.changedSections?.length) report.changedSections = meta.changedSections;
        latest = max(latest, meta.updatedAt);
      } else if (sk.startsWith(SECTION_PREFIX)) {
        const section = SectionItemSchema.parse(item);
        const index = report.sections.findIndex((s) => s.id === section.id);
        // A section the form no longer has is ignored rather than shown out of form order.
        if (index >= 0) report.sections[index] = section;
        latest = max(latest, section.updatedAt);
      } else if (sk.startsWith(DRAFT_PREFIX)) {
        const { reviewer, decisions, updatedAt } = DraftItemSchema.parse(item);
        drafts.push({ reviewer, decisions, updatedAt });
      } else {
        otherItems.push(item);
      }
    }
    if (latest) report.updatedAt = latest;
    return { report, drafts, otherItems };
  }

  /** Reports of a cycle from one Query on gsi1, every participant included (untouched ones as drafts). */
  async listReports(info: CycleInfo, status?: ReportStatus): Promise<ReportSummary[]> {
    // Untouched reports have no item, so the drafts need the whole cycle; other statuses use the key prefix.
    const byPrefix = status !== undefined && status !== 'draft';
    const items = await this.queryAll({
      IndexName: GSI1,
      KeyConditionExpression: byPrefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :status)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': cycleGsiPk(info.cycle.id), ...(byPrefix ? { ':status': `${status}#` } : {}) },
    });
    const metas = new Map(items.filter((item) => item.type !== 'draft-review').map((item) => MetaItemSchema.parse(item)).map((m) => [m.country, m]));
    const reviews = new Map<string, NonNullable<ReportSummary['reviewsInProgress']>>();
    for (const draft of items.filter((item) => item.type === 'draft-review').map((item) => DraftItemSchema.parse(item))) {
      if (draft.decisions.length === 0) continue;
      const list = reviews.get(draft.country) ?? [];
      list.push({ reviewer: draft.reviewer, decisions: draft.decisions.length, updatedAt: draft.updatedAt });
      reviews.set(draft.country, list);
    }
    const summaries = info.cycle.participants.map((p): ReportSummary => {
      const meta = metas.get(p.code);
      const sectionStatuses = Object.fromEntries(info.sectionIds.map((id) => [id, meta?.sectionStatuses[id] ?? 'draft'])) as Record<string, SectionStatus>;
      const inProgress = byPrefix ? {} : { reviewsInProgress: reviews.get(p.code) ?? [] };
      return { ...summaryOf(info.cycle.id, p.code, meta, sectionStatuses), ...inProgress };
    });
    return status === undefined ? summaries : summaries.filter((s) => s.status === status);
  }

  /** One report's summary from one GetItem (a rapporteur's list). */
  async getSummary(info: CycleInfo, country: string): Promise<ReportSummary> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: reportPk(info.cycle.id, country), sk: META_SK } }));
    const meta = Item ? MetaItemSchema.parse(Item) : undefined;
    const sectionStatuses = Object.fromEntries(info.sectionIds.map((id) => [id, meta?.sectionStatuses[id] ?? 'draft'])) as Record<string, SectionStatus>;
    return summaryOf(info.cycle.id, country, meta, sectionStatuses);
  }

  /**
   * Report statuses and sections of any reports (of any cycles) by key: one BatchGetItem per 100
   * keys, in parallel. The cross-country answers, the commitments and their compilation read with it.
   */
  async readItems(request: { reports?: readonly ReportRef[]; sections?: readonly SectionRef[] }): Promise<ReportItems> {
    const keys: ItemKey[] = [
      ...(request.reports ?? []).map((r) => ({ pk: reportPk(r.cycle, r.country), sk: META_SK })),
      ...(request.sections ?? []).map((s) => ({ pk: reportPk(s.cycle, s.country), sk: sectionSk(s.section) })),
    ];
    const items = keys.length === 0 ? [] : await batchGetAll(this.doc, this.tableName, keys);
    const byKey = new Map(items.map((item) => [`${String(item.pk)} ${String(item.sk)}`, item]));
    const find = (pk: string, sk: string) => byKey.get(`${pk} ${sk}`);
    return {
      report: (at) => {
        const item = find(reportPk(at.cycle, at.country), META_SK);
        if (!item) return undefined;
        const { status, version, updatedAt, submittedAt, late } = MetaItemSchema.parse(item);
        return { status, version, updatedAt, submittedAt, late };
      },
      section: (at) => {
        const item = find(reportPk(at.cycle, at.country), sectionSk(at.section));
        return item ? SectionItemSchema.parse(item) : undefined;
      },
    };
  }

  /**
   * Saves one answer and appends its revision in one TransactWriteItems: the section must still be at
   * `expectedVersion` with the status the client read (412 otherwise) and in one of `allowedStatuses`
   * (409 otherwise). Returns the answer as saved (the review state is the report read's).
   */
  async saveSection(args: {
    cycle: string;
    country: string;
    section: string;
    expectedVersion: number;
    /** The status the section had at `expectedVersion` (the etag carries it). */
    expectedStatus: SectionStatus;
    allowedStatuses: readonly SectionStatus[];
    text: string;
    nothingToReport: boolean;
    actor: ActorRef;
  }): Promise<SavedSection> {
    const now = this.clock().toISOString();
    const pk = reportPk(args.cycle, args.country);
    const by = { sub: args.actor.sub, name: args.actor.name };
    const next = args.expectedVersion + 1;
    const first = args.expectedVersion === 0;
    const statusValues = Object.fromEntries(args.allowedStatuses.map((s, i) => [`:allowed${i}`, s]));
    const answer = answerWrite({ text: args.text, nothingToReport: args.nothingToReport, now, by });
    const update = {
      TableName: this.tableName,
      Key: { pk, sk: sectionSk(args.section) },
      UpdateExpression: `SET #type = :type, #id = :id, ${answer.sets.join(', ')}, #status = if_not_exists(#status, :draft), #version = :next`,
      ConditionExpression: first ? 'attribute_not_exists(pk)' : `#version = :expected AND #status = :read AND #status IN (${Object.keys(statusValues).join(', ')})`,
      ExpressionAttributeNames: { '#type': 'type', '#id': 'id', '#status': 'status', '#version': 'version', ...answer.names },
      ExpressionAttributeValues: {
        ':type': 'section',
        ':id': args.section,
        ...answer.values,
        ':draft': 'draft',
        ':next': next,
        ...(first ? {} : { ':expected': args.expectedVersion, ':read': args.expectedStatus, ...statusValues }),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    const status = first ? 'draft' : args.expectedStatus;
    const revision = revisionPut(this.tableName, pk, { section: args.section, version: next, text: args.text, nothingToReport: args.nothingToReport, status, at: now, by });
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, revision] }));
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const current = reasons[0].Item ? SectionItemSchema.parse(unmarshallLoose(reasons[0].Item)) : undefined;
        const now = current?.status ?? 'draft';
        if (!args.allowedStatuses.includes(now)) {
          throw new ConflictError(`Section ${args.section} is ${now}: it can be changed only when ${args.allowedStatuses.join(' or ')}.`);
        }
        throw new PreconditionFailedError(`Section ${args.section} changed since you read it (now version ${current?.version ?? 0}); reload it and apply your change again.`);
      }
      if (isTransactionConflict(error)) throw concurrentChange(args.country);
      throw error;
    }
    return { id: args.section, status, text: args.text, nothingToReport: args.nothingToReport, version: next, contentVersion: next, updatedAt: now, updatedBy: by };
  }

  /**
   * Applies a workflow plan in one TransactWriteItems: the report meta (expected version), every
   * changed section (expected status and version), the audit event, and the comments a review opens
   * and the draft it replaces, all or nothing.
   */
  async apply(plan: TransitionPlan, actor: ActorRef): Promise<AuditEvent> {
    const by = { sub: actor.sub, name: actor.name };
    const at = this.clock().toISOString();
    const late = plan.deadline !== undefined && isAfterDeadline(at, plan.deadline);
    const event: AuditEvent = {
      version: plan.expectedReportVersion + 1,
      at,
      action: plan.action,
      actor: by,
      reportStatus: { from: plan.reportFrom, to: plan.reportTo },
      sections: plan.sections.filter((s) => s.fromStatus !== s.toStatus).map((s) => ({ id: s.id, from: s.fromStatus, to: s.toStatus })),
      ...(plan.event.section ? { section: plan.event.section } : {}),
      ...(plan.event.comment ? { comment: plan.event.comment } : {}),
      ...(plan.event.detail || late ? { detail: [plan.event.detail, late ? `submitted after the deadline of ${plan.deadline!.slice(0, 10)}` : ''].filter(Boolean).join('; ') } : {}),
      ...(plan.event.review ? { review: plan.event.review } : {}),
      // A first submission: whether late (kept on the meta item too, with `submittedAt`: transitionItems).
      ...(plan.deadline !== undefined ? { late } : {}),
    };
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: transitionItems(this.tableName, plan, event, by) as never }));
    } catch (error) {
      if (cancellationReasons(error)?.some((r) => r.Code === 'ConditionalCheckFailed') || isTransactionConflict(error)) throw concurrentChange(plan.country);
      throw error;
    }
    return event;
  }

  /** Keeps a reviewer's draft review (one Put; one draft per reviewer and report, the last write wins). */
  async saveDraft(info: CycleInfo, country: string, draft: DraftReview): Promise<void> {
    const item = {
      pk: reportPk(info.cycle.id, country),
      sk: draftSk(draft.reviewer.sub),
      type: 'draft-review',
      country,
      ...draft,
      // Listed with the cycle's reports, so the dashboard shows reviews in progress at no extra cost.
      gsi1pk: cycleGsiPk(info.cycle.id),
      gsi1sk: reviewGsiSk(country, draft.reviewer.sub),
    };
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  /** Discards a reviewer's draft review (one Delete; nothing when there is none). */
  async discardDraft(info: CycleInfo, country: string, reviewer: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: reportPk(info.cycle.id, country), sk: draftSk(reviewer) } }));
  }

  /**
   * Appends a comment to a section's conversation: one Put, or, when the comment may be written only
   * while the section has a status (the country's reply on a returned section), one transaction that
   * also records the reply on the section (`repliedAt`) on that condition (409 otherwise).
   */
  async addComment(info: CycleInfo, country: string, comment: Omit<Comment, 'id' | 'at'>, sectionMustBe?: readonly SectionStatus[]): Promise<Comment> {
    const pk = reportPk(info.cycle.id, country);
    const stored: Comment = { ...comment, id: newCommentId(), at: this.clock().toISOString() };
    const put = { TableName: this.tableName, Item: { pk, sk: commentSk(stored.section, stored.at, stored.id), type: 'comment', ...stored }, ConditionExpression: 'attribute_not_exists(pk)' };
    if (!sectionMustBe) {
      await this.doc.send(new PutCommand(put));
      return stored;
    }
    const statuses = Object.fromEntries(sectionMustBe.map((s, i) => [`:s${i}`, s]));
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: put },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk, sk: sectionSk(stored.section) },
                UpdateExpression: 'SET repliedAt = :at',
                ConditionExpression: `#status IN (${Object.keys(statuses).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':at': stored.at, ...statuses },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            // The country's reply: the reviewer who returned the section is told (the outbox, in the same transaction).
            noticePut(this.tableName, newNotice({ kind: 'replyOnReturn', cycle: info.cycle.id, country, section: stored.section }, stored.at)),
          ],
        }),
      );
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.[1]?.Code === 'ConditionalCheckFailed') {
        const status = reasons[1].Item?.status?.S ?? 'draft';
        throw new ConflictError(`Section ${stored.section} is ${status}: the country replies in its conversation while it is ${sectionMustBe.join(' or ')}.`);
      }
      if (isTransactionConflict(error)) throw concurrentChange(country);
      throw error;
    }
    return stored;
  }

  /** The comments of a report (or of one section), oldest first within each section, in one Query. */
  async comments(cycle: string, country: string, section?: string): Promise<Comment[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': section ? commentPrefix(section) : COMMENT_PREFIX },
    });
    return items.map((item) => CommentItemSchema.parse(item));
  }

  /**
   * A report's history in one Query: its audit events (oldest first) and its comments (oldest first
   * within each section). Both prefixes are adjacent in the sort order (`COMMENT#` < `EVENT#`), so one
   * range covers them and nothing else (keys.ts).
   */
  async history(cycle: string, country: string): Promise<{ events: AuditEvent[]; comments: Comment[] }> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':from': COMMENT_PREFIX, ':to': `${EVENT_PREFIX}\uffff` },
    });
    const events: AuditEvent[] = [];
    const comments: Comment[] = [];
    for (const item of items) {
      if (String(item.sk).startsWith(EVENT_PREFIX)) events.push(AuditEventSchema.parse(item));
      else if (String(item.sk).startsWith(COMMENT_PREFIX)) comments.push(CommentItemSchema.parse(item));
    }
    return { events, comments };
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, { TableName: this.tableName, ...input });
  }
}

function summaryOf(cycle: string, country: string, meta: MetaItem | undefined, sectionStatuses: Record<string, SectionStatus>): ReportSummary {
  if (!meta) return { cycle, country, status: 'draft', version: 0, sectionStatuses, publications: 0, changedSections: [] };
  return {
    cycle,
    country,
    status: meta.status,
    version: meta.version,
    updatedAt: meta.updatedAt,
    sectionStatuses,
    publications: meta.publications ?? 0,
    changedSections: meta.changedSections ?? [],
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.submittedAt ? { submittedAt: meta.submittedAt } : {}),
    ...(meta.late !== undefined ? { late: meta.late } : {}),
  };
}

function concurrentChange(country: string): ConflictError {
  return new ConflictError(`The report of ${country} changed while you acted on it; reload it and try again.`);
}

function max(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** ConditionalCheckFailedException carries the old item in DynamoDB's attribute-value form. */
function unmarshallLoose(item: Record<string, unknown>): Record<string, unknown> {
  return unmarshall(item as Parameters<typeof unmarshall>[0]);
}
