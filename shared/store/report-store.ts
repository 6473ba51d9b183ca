/**
 * DynamoDB repository of reports: the secondary adapter behind the workflow. It owns keys,
 * expressions and SDK errors; it turns a failed condition into a domain error (409/412), never a
 * silent overwrite. Every method is one DynamoDB round trip (plus pagination past 1 MB).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CycleInfo } from '../form';
import {
  ConflictError,
  PreconditionFailedError,
  emptyReport,
  type ActorRef,
  type ReportState,
  type ReportStatus,
  type SectionState,
  type SectionStatus,
  type TransitionPlan,
} from '../workflow';
import { cancellationReasons, isTransactionConflict, queryAll } from './dynamo';
import { AuditEventSchema, MetaItemSchema, SectionItemSchema, type AuditEvent } from './items';
import { EVENT_PREFIX, GSI1, META_SK, REPORT_ITEMS_PREFIX, SECTION_PREFIX, cycleGsiPk, cycleGsiSk, eventSk, reportPk, sectionSk } from './keys';

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
}

/** A report as read: its state plus the raw items of other kinds in its partition (attachments). */
export interface ReportRead {
  report: ReportState;
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

  constructor(options: ReportStoreOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
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
    const otherItems: Record<string, unknown>[] = [];
    let latest: string | undefined;
    for (const item of items) {
      const sk = String(item.sk);
      if (sk === META_SK) {
        const meta = MetaItemSchema.parse(item);
        report.status = meta.status;
        report.version = meta.version;
        latest = max(latest, meta.updatedAt);
      } else if (sk.startsWith(SECTION_PREFIX)) {
        const section = SectionItemSchema.parse(item);
        const index = report.sections.findIndex((s) => s.id === section.id);
        // A section the form no longer has is ignored rather than shown out of form order.
        if (index >= 0) report.sections[index] = section;
        latest = max(latest, section.updatedAt);
      } else {
        otherItems.push(item);
      }
    }
    if (latest) report.updatedAt = latest;
    return { report, otherItems };
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
    const metas = new Map(items.map((item) => MetaItemSchema.parse(item)).map((m) => [m.country, m]));
    const summaries = info.cycle.participants.map((p): ReportSummary => {
      const meta = metas.get(p.code);
      const sectionStatuses = Object.fromEntries(info.sectionIds.map((id) => [id, meta?.sectionStatuses[id] ?? 'draft'])) as Record<string, SectionStatus>;
      return meta
        ? { cycle: info.cycle.id, country: p.code, status: meta.status, version: meta.version, updatedAt: meta.updatedAt, sectionStatuses }
        : { cycle: info.cycle.id, country: p.code, status: 'draft', version: 0, sectionStatuses };
    });
    return status === undefined ? summaries : summaries.filter((s) => s.status === status);
  }

  /** One report's summary from one GetItem (a rapporteur's list). */
  async getSummary(info: CycleInfo, country: string): Promise<ReportSummary> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: reportPk(info.cycle.id, country), sk: META_SK } }));
    const meta = Item ? MetaItemSchema.parse(Item) : undefined;
    const sectionStatuses = Object.fromEntries(info.sectionIds.map((id) => [id, meta?.sectionStatuses[id] ?? 'draft'])) as Record<string, SectionStatus>;
    return { cycle: info.cycle.id, country, status: meta?.status ?? 'draft', version: meta?.version ?? 0, updatedAt: meta?.updatedAt, sectionStatuses };
  }

  /**
   * Saves one answer in one conditional UpdateItem: the section must still be at `expectedVersion`
   * (412 otherwise) and in one of `allowedStatuses` (409 otherwise).
   */
  async saveSection(args: {
    cycle: string;
    country: string;
    section: string;
    expectedVersion: number;
    allowedStatuses: readonly SectionStatus[];
    text: string;
    nothingToReport: boolean;
    actor: ActorRef;
  }): Promise<SectionState> {
    const now = this.clock().toISOString();
    const statusValues = Object.fromEntries(args.allowedStatuses.map((s, i) => [`:allowed${i}`, s]));
    const condition =
      args.expectedVersion === 0
        ? 'attribute_not_exists(pk)'
        : `#version = :expected AND #status IN (${Object.keys(statusValues).join(', ')})`;
    try {
      const { Attributes } = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: reportPk(args.cycle, args.country), sk: sectionSk(args.section) },
          UpdateExpression:
            'SET #type = :type, #id = :id, #text = :text, nothingToReport = :ntr, #status = if_not_exists(#status, :draft), #version = :next, updatedAt = :now, updatedBy = :by',
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#type': 'type', '#id': 'id', '#text': 'text', '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':type': 'section',
            ':id': args.section,
            ':text': args.text,
            ':ntr': args.nothingToReport,
            ':draft': 'draft',
            ':next': args.expectedVersion + 1,
            ':now': now,
            ':by': { sub: args.actor.sub, name: args.actor.name },
            ...(args.expectedVersion === 0 ? {} : { ':expected': args.expectedVersion, ...statusValues }),
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return SectionItemSchema.parse(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const current = error.Item ? SectionItemSchema.parse(unmarshallLoose(error.Item)) : undefined;
        const status = current?.status ?? 'draft';
        if (!args.allowedStatuses.includes(status)) {
          throw new ConflictError(`Section ${args.section} is ${status}: it can be changed only when ${args.allowedStatuses.join(' or ')}.`);
        }
        throw new PreconditionFailedError(
          `Section ${args.section} changed since you read it (now version ${current?.version ?? 0}); reload it and apply your change again.`,
        );
      }
      if (isTransactionConflict(error)) throw concurrentChange(args.country);
      throw error;
    }
  }

  /**
   * Applies a workflow plan in one TransactWriteItems: the report meta (expected version), every
   * changed section (expected status and version) and the audit event, all or nothing.
   */
  async apply(plan: TransitionPlan, actor: ActorRef): Promise<AuditEvent> {
    const now = this.clock().toISOString();
    const pk = reportPk(plan.cycle, plan.country);
    const version = plan.expectedReportVersion + 1;
    const by = { sub: actor.sub, name: actor.name };
    const event: AuditEvent = {
      version,
      at: now,
      action: plan.action,
      actor: by,
      reportStatus: { from: plan.reportFrom, to: plan.reportTo },
      sections: plan.sections.filter((s) => s.fromStatus !== s.toStatus).map((s) => ({ id: s.id, from: s.fromStatus, to: s.toStatus })),
      ...(plan.event.section ? { section: plan.event.section } : {}),
      ...(plan.event.comment ? { comment: plan.event.comment } : {}),
      ...(plan.event.detail ? { detail: plan.event.detail } : {}),
    };
    const metaUpdate = {
      Update: {
        TableName: this.tableName,
        Key: { pk, sk: META_SK },
        UpdateExpression:
          'SET #type = :type, #cycle = :cycle, #country = :country, #status = :to, #version = :version, updatedAt = :now, updatedBy = :by, sectionStatuses = :statuses, gsi1pk = :gpk, gsi1sk = :gsk',
        ConditionExpression: plan.expectedReportVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
        ExpressionAttributeNames: { '#type': 'type', '#cycle': 'cycle', '#country': 'country', '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':type': 'report',
          ':cycle': plan.cycle,
          ':country': plan.country,
          ':to': plan.reportTo,
          ':version': version,
          ':now': now,
          ':by': by,
          ':statuses': plan.sectionStatuses,
          ':gpk': cycleGsiPk(plan.cycle),
          ':gsk': cycleGsiSk(plan.reportTo, plan.country),
          ...(plan.expectedReportVersion === 0 ? {} : { ':expected': plan.expectedReportVersion }),
        },
      },
    };
    const sectionUpdates = plan.sections.map((change) => {
      const sets = ['#type = :type', '#id = :id', '#status = :to', '#version = :next'];
      const values: Record<string, unknown> = { ':type': 'section', ':id': change.id, ':to': change.toStatus, ':next': change.expectedVersion + 1 };
      if (change.text !== undefined) {
        sets.push('#text = :text', 'nothingToReport = :ntr', 'updatedAt = :now', 'updatedBy = :by');
        Object.assign(values, { ':text': change.text, ':ntr': change.nothingToReport ?? false, ':now': now, ':by': by });
      } else if (change.expectedVersion === 0) {
        sets.push('#text = :empty', 'nothingToReport = :false');
        Object.assign(values, { ':empty': '', ':false': false });
      }
      let update = `SET ${sets.join(', ')}`;
      if (typeof change.returnComment === 'string') {
        update += ', returnComment = :comment';
        values[':comment'] = change.returnComment;
      } else if (change.returnComment === null) {
        update += ' REMOVE returnComment';
      }
      const condition = change.expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#status = :from AND #version = :expected';
      if (change.expectedVersion !== 0) Object.assign(values, { ':from': change.fromStatus, ':expected': change.expectedVersion });
      return {
        Update: {
          TableName: this.tableName,
          Key: { pk, sk: sectionSk(change.id) },
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#type': 'type', '#id': 'id', '#status': 'status', '#version': 'version', ...(change.text !== undefined || change.expectedVersion === 0 ? { '#text': 'text' } : {}) },
          ExpressionAttributeValues: values,
        },
      };
    });
    // A Query is read-committed per item, not a snapshot: a report read while another transition was
    // being written may mix old and new items. Every section the plan leaves alone must still have
    // the status the plan was decided on (statuses only: concurrent saves of other sections do not conflict).
    const moved = new Set(plan.sections.map((c) => c.id));
    const statusChecks = Object.entries(plan.sectionStatuses)
      .filter(([id]) => !moved.has(id))
      .map(([id, status]) => ({
        ConditionCheck: {
          TableName: this.tableName,
          Key: { pk, sk: sectionSk(id) },
          ConditionExpression: status === 'draft' ? 'attribute_not_exists(pk) OR #status = :status' : '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status },
        },
      }));
    const eventPut = {
      Put: {
        TableName: this.tableName,
        Item: { pk, sk: eventSk(version), type: 'event', ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: [metaUpdate, ...sectionUpdates, ...statusChecks, eventPut] }));
    } catch (error) {
      if (cancellationReasons(error)?.some((r) => r.Code === 'ConditionalCheckFailed') || isTransactionConflict(error)) throw concurrentChange(plan.country);
      throw error;
    }
    return event;
  }

  /** The audit events of a report, oldest first, in one Query. */
  async history(cycle: string, country: string): Promise<AuditEvent[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': EVENT_PREFIX },
    });
    return items.map((item) => AuditEventSchema.parse(item));
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, { TableName: this.tableName, ...input });
  }
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
