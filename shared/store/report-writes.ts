/**
 * The items of a report's transaction, built from a workflow plan: the meta update (expected
 * version), each changed section (expected status and version), a status check of every other
 * section, the audit event, the comments a review opens and the draft it replaces.
 */
import { randomBytes } from 'node:crypto';
import type { ActorRef, SectionChange, TransitionPlan } from '../workflow';
import type { AuditEvent, Revision } from './items';
import { noticePut, transitionNotice } from './notice-items';
import { META_SK, publicationSk, publishedSectionSk, commentSk, cycleGsiPk, cycleGsiSk, draftSk, eventSk, reportPk, revisionSk, sectionSk } from './keys';

/** A new comment id: 72 random bits, base64url (12 characters). */
export function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

/** The Put of a revision: the answer a save (or an import) wrote, kept for good. */
export function revisionPut(tableName: string, pk: string, revision: Revision) {
  return { Put: { TableName: tableName, Item: { pk, sk: revisionSk(revision.section, revision.version), type: 'revision', ...revision }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The writes of one transition, in the order DynamoDB reports their cancellation reasons. */
export function transitionItems(tableName: string, plan: TransitionPlan, event: AuditEvent, by: ActorRef): Record<string, unknown>[] {
  const pk = reportPk(plan.cycle, plan.country);
  const now = event.at;
  // A first submission: when, and whether late, kept on the meta item so the dashboard stays one Query.
  const filed = plan.deadline !== undefined ? ', submittedAt = :now, late = :late' : '';
  const metaUpdate = {
    Update: {
      TableName: tableName,
      Key: { pk, sk: META_SK },
      UpdateExpression:
        `SET #type = :type, #cycle = :cycle, #country = :country, #status = :to, #version = :version, updatedAt = :now, updatedBy = :by, sectionStatuses = :statuses, gsi1pk = :gpk, gsi1sk = :gsk${filed}` +
        (plan.publication ? ', publications = :publications, publishedAt = :now' : '') +
        (plan.changedSections ? ', changedSections = :changed' : ''),
      ConditionExpression: plan.expectedReportVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
      ExpressionAttributeNames: { '#type': 'type', '#cycle': 'cycle', '#country': 'country', '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: {
        ':type': 'report',
        ':cycle': plan.cycle,
        ':country': plan.country,
        ':to': plan.reportTo,
        ':version': event.version,
        ':now': now,
        ':by': by,
        ':statuses': plan.sectionStatuses,
        ':gpk': cycleGsiPk(plan.cycle),
        ':gsk': cycleGsiSk(plan.reportTo, plan.country),
        ...(filed ? { ':late': event.late ?? false } : {}),
        ...(plan.expectedReportVersion === 0 ? {} : { ':expected': plan.expectedReportVersion }),
        ...(plan.publication ? { ':publications': plan.publication.number } : {}),
        ...(plan.changedSections ? { ':changed': plan.changedSections } : {}),
      },
    },
  };
  const sectionUpdates = plan.sections.map((change) => ({ Update: { TableName: tableName, Key: { pk, sk: sectionSk(change.id) }, ...sectionUpdate(change, now, by) } }));
  // A Query is read-committed per item, not a snapshot: a report read while another transition was
  // being written may mix old and new items. Every section the plan leaves alone must still have
  // the status the plan was decided on (statuses only: concurrent saves of other sections do not conflict).
  const moved = new Set(plan.sections.map((c) => c.id));
  const statusChecks = Object.entries(plan.sectionStatuses)
    .filter(([id]) => !moved.has(id))
    .map(([id, status]) => ({
      ConditionCheck: {
        TableName: tableName,
        Key: { pk, sk: sectionSk(id) },
        ConditionExpression: status === 'draft' ? 'attribute_not_exists(pk) OR #status = :status' : '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
      },
    }));
  // Every answer a transition writes (an import) becomes a revision, as a save's does.
  const revisionPuts = plan.sections
    .filter((c) => c.text !== undefined)
    .map((c) => revisionPut(tableName, pk, { section: c.id, version: c.expectedVersion + 1, text: c.text!, nothingToReport: c.nothingToReport ?? false, status: c.fromStatus, at: now, by }));
  const eventPut = { Put: { TableName: tableName, Item: { pk, sk: eventSk(event.version), type: 'event', ...event }, ConditionExpression: 'attribute_not_exists(pk)' } };
  const commentPuts = (plan.comments ?? []).map((c) => {
    const id = newCommentId();
    const item = { pk, sk: commentSk(c.section, now, id), type: 'comment', id, section: c.section, at: now, author: by, role: c.role, kind: c.kind, internal: c.internal, text: c.text };
    return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  });
  // A publication is written once (its keys must be new) and never changed.
  const publicationPuts = plan.publication
    ? [
        { Put: { TableName: tableName, Item: { pk, sk: publicationSk(plan.publication.number), type: 'publication', number: plan.publication.number, at: now, by, attachments: plan.publication.attachments }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...plan.publication.sections.map((section) => ({
          Put: { TableName: tableName, Item: { pk, sk: publishedSectionSk(plan.publication!.number, section.id), type: 'published-section', ...section }, ConditionExpression: 'attribute_not_exists(pk)' },
        })),
      ]
    : [];
  const draftDelete = plan.discardDraftOf ? [{ Delete: { TableName: tableName, Key: { pk, sk: draftSk(plan.discardDraftOf) } } }] : [];
  // The transactional outbox: a transition someone must act on writes its notice with it (last, so the
  // cancellation reasons of the items above keep their positions).
  const notice = transitionNotice(event, plan.cycle, plan.country);
  const noticePuts = notice ? [noticePut(tableName, notice)] : [];
  return [metaUpdate, ...sectionUpdates, ...statusChecks, eventPut, ...revisionPuts, ...commentPuts, ...publicationPuts, ...draftDelete, ...noticePuts];
}

/**
 * The one write of a section's answer (text, nothing-to-report mark, when and by whom): a save
 * (`ReportStore.saveSection`, one UpdateItem) and the answers of an import or a prefill
 * (`ReportStore.apply` → `transitionItems`, in its TransactWriteItems) all go through it, so whatever
 * must accompany every answer written (a revision) belongs here.
 */
export function answerWrite(answer: { text: string; nothingToReport: boolean; now: string; by: ActorRef }): { sets: string[]; names: Record<string, string>; values: Record<string, unknown> } {
  return {
    // `:next` is the section's new version: the answer's revision.
    sets: ['#text = :text', 'nothingToReport = :ntr', 'updatedAt = :now', 'updatedBy = :by', 'contentVersion = :next'],
    names: { '#text': 'text' },
    values: { ':text': answer.text, ':ntr': answer.nothingToReport, ':now': answer.now, ':by': { sub: answer.by.sub, name: answer.by.name } },
  };
}

/** One section's update: its new status and version, and what the change carries (text, return comment, review). */
function sectionUpdate(change: SectionChange, now: string, by: ActorRef) {
  const sets = ['#type = :type', '#id = :id', '#status = :to', '#version = :next'];
  const removes: string[] = [];
  const names: Record<string, string> = { '#type': 'type', '#id': 'id', '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':type': 'section', ':id': change.id, ':to': change.toStatus, ':next': change.expectedVersion + 1 };
  if (change.text !== undefined) {
    // An import or a prefill writes answers: through the same write as a save.
    const answer = answerWrite({ text: change.text, nothingToReport: change.nothingToReport ?? false, now, by });
    sets.push(...answer.sets);
    Object.assign(names, answer.names);
    Object.assign(values, answer.values);
  } else if (change.expectedVersion === 0) {
    sets.push('#text = :empty', 'nothingToReport = :false');
    Object.assign(values, { ':empty': '', ':false': false });
    names['#text'] = 'text';
  }
  if (typeof change.returnComment === 'string') {
    sets.push('returnComment = :comment');
    values[':comment'] = change.returnComment;
  } else if (change.returnComment === null) {
    removes.push('returnComment');
  }
  if (change.review) {
    sets.push('review = :review');
    values[':review'] = { ...change.review, at: now, by };
  }
  if (change.expectedVersion !== 0) Object.assign(values, { ':from': change.fromStatus, ':expected': change.expectedVersion });
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: change.expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#status = :from AND #version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
