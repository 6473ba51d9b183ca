/**
 * The outbox's store: notices of a cycle (one Query), a recipient's delivery record (the idempotency
 * key of a mail: a conditional Put claims it, so a notice delivered twice mails each person once),
 * a notice's delivery status, and reminders written once per participant and kind.
 */
import { PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, queryAll } from './dynamo';
import { NOTICE_PREFIX, deliverySk, noticeSk, outboxPk, reminderSk } from './keys';
import { NoticeItemSchema, noticePut, type Notice, type NoticeStatus } from './notice-items';

export class OutboxStore {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** A cycle's notices, newest first. One Query. */
  async list(cycle: string): Promise<Notice[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': outboxPk(cycle), ':prefix': NOTICE_PREFIX },
      ScanIndexForward: false,
    });
    return items.map((item) => NoticeItemSchema.parse(item));
  }

  /**
   * Claims the mail of one notice to one person: true when this delivery may send it. A mail already
   * sent is never claimed again; one being sent is claimed again only after its lease ran out (a
   * crashed delivery), and one that failed at once.
   */
  async claim(notice: Notice, person: string, now: Date, leaseMs: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: outboxPk(notice.cycle), sk: deliverySk(notice.id, person), type: 'delivery', notice: notice.id, person, status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status <> :sent AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** Records one person's mail as sent (never sent again) or as failed (claimable again at once). */
  async settle(notice: Notice, person: string, outcome: { sentAt: string } | { error: string }): Promise<void> {
    const sent = 'sentAt' in outcome;
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: outboxPk(notice.cycle), sk: deliverySk(notice.id, person) },
        UpdateExpression: sent ? 'SET #status = :sent, sentAt = :at REMOVE leaseUntil' : 'SET #status = :failed, leaseUntil = :none, lastError = :error',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: sent ? { ':sent': 'sent', ':at': outcome.sentAt } : { ':failed': 'failed', ':none': '', ':error': outcome.error },
      }),
    );
  }

  /** A notice's delivery status after an attempt. */
  async record(notice: Notice, update: { status: NoticeStatus; attempts: number; recipients?: number; lastError?: string; deliveredAt?: string }): Promise<void> {
    const sets = ['#status = :status', 'attempts = :attempts'];
    const values: Record<string, unknown> = { ':status': update.status, ':attempts': update.attempts };
    for (const field of ['recipients', 'lastError', 'deliveredAt'] as const) {
      if (update[field] !== undefined) {
        sets.push(`${field} = :${field}`);
        values[`:${field}`] = update[field];
      }
    }
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: outboxPk(notice.cycle), sk: noticeSk(notice.at, notice.id) },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** Writes a reminder's notice unless that participant already had that kind: true when written. One transaction. */
  async addReminder(notice: Notice): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { pk: outboxPk(notice.cycle), sk: reminderSk(notice.country, notice.kind), type: 'reminder', notice: notice.id, at: notice.at }, ConditionExpression: 'attribute_not_exists(pk)' } },
            noticePut(this.tableName, notice),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancellationReasons(error)?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }
}
