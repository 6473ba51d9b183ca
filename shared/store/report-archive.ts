/**
 * The report's archive: what stays once written and is read outside the report's own Query (which
 * must not grow with it): each section's revisions and attachment activity, and the publications.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, queryAll } from './dynamo';
import {
  FileActivityItemSchema,
  PublicationItemSchema,
  PublishedSectionItemSchema,
  RevisionItemSchema,
  type FileActivity,
  type PublicationHeader,
  type Revision,
} from './items';
import { PUBLICATION_PREFIX, activityPrefix, publicationPrefix, publishedSectionSk, reportPk, revisionSk } from './keys';

export class ReportArchive {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A section's revisions (oldest first, without their text) and its attachment activity, in one Query. */
  async activity(cycle: string, country: string, section: string): Promise<{ revisions: Revision[]; files: FileActivity[] }> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': activityPrefix(section) },
    });
    const revisions: Revision[] = [];
    const files: FileActivity[] = [];
    for (const item of items) {
      if (item.type === 'revision') revisions.push(RevisionItemSchema.parse(item));
      else if (item.type === 'file-activity') files.push(FileActivityItemSchema.parse(item));
    }
    return { revisions, files };
  }

  /** Revisions of one section by version (one BatchGetItem). */
  async revisions(cycle: string, country: string, section: string, versions: readonly number[]): Promise<Map<number, Revision>> {
    const found = await this.revisionsOf(cycle, country, versions.map((version) => ({ section, version })));
    return new Map([...found.values()].map((r) => [r.version, r]));
  }

  /** Revisions of several sections of one report, keyed `<section> <version>`: one BatchGetItem per 100. */
  async revisionsOf(cycle: string, country: string, wanted: ReadonlyArray<{ section: string; version: number }>): Promise<Map<string, Revision>> {
    const unique = [...new Map(wanted.map((w) => [`${w.section} ${w.version}`, w])).values()];
    const keys = unique.map((w) => ({ pk: reportPk(cycle, country), sk: revisionSk(w.section, w.version) }));
    const items = keys.length === 0 ? [] : await batchGetAll(this.doc, this.tableName, keys);
    return new Map(items.map((item) => RevisionItemSchema.parse(item)).map((r) => [`${r.section} ${r.version}`, r]));
  }

  /**
   * The latest publication of a report, in one Query read from the newest key down: publication n's
   * header sorts after its answers, so the first `sectionCount + 1` items are all of it.
   */
  async latestPublication(cycle: string, country: string, sectionCount: number): Promise<PublicationRead | undefined> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': PUBLICATION_PREFIX },
          ScanIndexForward: false,
          Limit: sectionCount + 1 - items.length,
          ExclusiveStartKey,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && items.length < sectionCount + 1);
    return items.length === 0 ? undefined : publicationOf(items);
  }

  /** One publication of a report (undefined when there is no such number). One Query. */
  async publication(cycle: string, country: string, n: number): Promise<PublicationRead | undefined> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': publicationPrefix(n) },
    });
    return items.length === 0 ? undefined : publicationOf(items);
  }

  /** The headers of every publication of a report, oldest first. One Query (the answers are filtered out by DynamoDB). */
  async publications(cycle: string, country: string): Promise<PublicationHeader[]> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#type = :header',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':pk': reportPk(cycle, country), ':prefix': PUBLICATION_PREFIX, ':header': 'publication' },
    });
    return items.map((item) => PublicationItemSchema.parse(item));
  }

  /**
   * Published answers across reports, by key (one BatchGetItem per 100): for each report, section
   * `section` of publication `number`. Keyed `<country> <section>`.
   */
  async publishedSections(refs: ReadonlyArray<{ cycle: string; country: string; number: number; section: string }>): Promise<Map<string, { text: string; nothingToReport: boolean }>> {
    const keys = refs.map((r) => ({ pk: reportPk(r.cycle, r.country), sk: publishedSectionSk(r.number, r.section) }));
    const items = keys.length === 0 ? [] : await batchGetAll(this.doc, this.tableName, keys);
    const bySk = new Map(items.map((item) => [`${String(item.pk)} ${String(item.sk)}`, PublishedSectionItemSchema.parse(item)]));
    const found = new Map<string, { text: string; nothingToReport: boolean }>();
    for (const r of refs) {
      const item = bySk.get(`${reportPk(r.cycle, r.country)} ${publishedSectionSk(r.number, r.section)}`);
      if (item) found.set(`${r.country} ${r.section}`, { text: item.text, nothingToReport: item.nothingToReport });
    }
    return found;
  }

  private query(input: { KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown>; FilterExpression?: string; ExpressionAttributeNames?: Record<string, string> }) {
    return queryAll(this.doc, { TableName: this.tableName, ...input });
  }
}

/** A publication as read: its header and its answers. */
export interface PublicationRead {
  header: PublicationHeader;
  sections: Array<{ id: string; text: string; nothingToReport: boolean }>;
}

function publicationOf(items: readonly Record<string, unknown>[]): PublicationRead {
  const header = items.find((item) => item.type === 'publication');
  if (!header) throw new Error(`A publication without its header (${String(items[0]?.sk)})`);
  const parsed = PublicationItemSchema.parse(header);
  const mine = publicationPrefix(parsed.number);
  const sections = items.filter((item) => item.type === 'published-section' && String(item.sk).startsWith(mine)).map((item) => PublishedSectionItemSchema.parse(item));
  return { header: parsed, sections };
}

