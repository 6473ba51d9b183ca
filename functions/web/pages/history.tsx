/**
 * The history of a report: its state changes (a sent review with its decisions) and the comments of
 * its conversations, oldest first, each written as a sentence a reader understands.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import type { AuditEvent } from '../../../shared/store/report-store';
import type { Comment } from '../../../shared/workflow';
import { Breadcrumbs, Layout, StatusBadge, Time, type PageContext } from '../layout';
import { reportPath } from '../paths';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an event did, as a sentence (never an internal action name or a server path). */
export function eventSentence(e: AuditEvent): string {
  if (e.review && (e.action === 'approveSection' || e.action === 'returnSection') && e.review.decisions.length === 1) {
    const d = e.review.decisions[0]!;
    return d.verdict === 'approve' ? `Approved section ${d.section}.` : `Returned section ${d.section} to the country.`;
  }
  if (e.review) {
    const approved = e.review.decisions.filter((d) => d.verdict === 'approve').map((d) => d.section);
    const returned = e.review.decisions.filter((d) => d.verdict === 'return').map((d) => d.section);
    const parts = [...(approved.length ? [`approved ${approved.join(', ')}`] : []), ...(returned.length ? [`returned ${returned.join(', ')} to the country`] : [])];
    return `Sent a review: ${parts.join('; ')}.`;
  }
  const moved = e.sections.length;
  const late = e.late ? ' Late: after the deadline.' : '';
  switch (e.action) {
    case 'submitReport':
      return e.reportStatus.from === 'returned'
        ? `Submitted the report again: ${plural(moved, 'revised section went', 'revised sections went')} back to the reviewers.`
        : `Submitted the report: ${plural(moved, 'section went', 'sections went')} to the reviewers.${late}`;
    case 'approveReport':
      return 'Approved the report.';
    case 'publishReport':
      return 'Published the report: anyone can read it now.';
    case 'importReport':
    case 'submitImport': {
      const file = /imported from (?:.*\/)?([^/,]+?)(?: and submitted|,|$)/.exec(e.detail ?? '')?.[1];
      const submitted = e.action === 'submitImport' ? ' and submitted it for the country, which filed it as a document' : '';
      return `Imported the answers from the document ${file ? `“${file}”` : 'the country sent'}${submitted}.${late}`;
    }
    case 'prefillReport': {
      const [, from, sections] = /^prefilled from the (\d{4}) report: (.*)$/.exec(e.detail ?? '') ?? [];
      return from ? `Copied the answers of the ${from} report into the sections without an answer: ${sections}.` : "Copied last cycle's answers.";
    }
    case 'reopenSection':
      return `Reopened section ${e.section ?? ''}, voiding its approval, and returned it to the country: “${e.comment ?? ''}”.`;
    case 'reopenReport':
      return e.reportStatus.from === 'published'
        ? `Reopened the published report for a correction: “${e.comment ?? ''}”. The public keeps reading the last publication until the correction is published.`
        : `Reopened the approved report, voiding its approval: “${e.comment ?? ''}”.`;
    default:
      return e.detail && !/[\\/]/.test(e.detail) ? `${e.detail[0]!.toUpperCase()}${e.detail.slice(1)}.` : 'Changed the report.';
  }
}

const COMMENT_SENTENCE: Record<Comment['kind'], string> = { return: 'Returned', reply: 'Replied on', note: 'Added a note on' };

type Entry = { at: string; event: AuditEvent; comment?: undefined } | { at: string; comment: Comment; event?: undefined };

export const HistoryPage: FC<{ ctx: PageContext; info: CycleInfo; participant: Participant; events: AuditEvent[]; comments: Comment[] }> = ({ ctx, info, participant, events, comments }) => {
  const reportTitle = `${participant.name}: ${info.cycle.id} report`;
  // A return's comment is shown with the review that sent it; replies and notes stand on their own.
  const entries: Entry[] = [...events.map((event) => ({ at: event.at, event })), ...comments.filter((c) => c.kind !== 'return').map((comment) => ({ at: comment.at, comment }))].sort((a, b) =>
    a.at.localeCompare(b.at),
  );
  return (
    <Layout ctx={ctx} title={`History – ${reportTitle}`}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: reportTitle, href: ctx.href(reportPath(info.cycle.id, participant.code)) }, { label: 'History' }]} />
      <h1>History of the {participant.name} report</h1>
      {entries.length === 0 ? (
        <p>Nothing has happened to this report yet: saved drafts appear here once the report is submitted.</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex={0}>
          <table class="data">
            <caption id="history-caption">Events and conversations, oldest first ({entries.length})</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Report status</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) =>
                entry.event ? (
                  <tr>
                    <td>
                      <Time iso={entry.at} />
                    </td>
                    <td>{entry.event.actor.name}</td>
                    <td>
                      {eventSentence(entry.event)}
                      {entry.event.review ? (
                        <ul class="plain">
                          {entry.event.review.decisions
                            .filter((d) => d.verdict === 'return')
                            .map((d) => (
                              <li>
                                {d.section}: “{d.comment}”
                              </li>
                            ))}
                          {entry.event.review.summary ? <li>Summary: “{entry.event.review.summary}”</li> : null}
                        </ul>
                      ) : null}
                    </td>
                    <td>
                      {entry.event.reportStatus.from === entry.event.reportStatus.to ? (
                        <StatusBadge status={entry.event.reportStatus.to} />
                      ) : (
                        <>
                          <StatusBadge status={entry.event.reportStatus.from} prefix="from" /> → <StatusBadge status={entry.event.reportStatus.to} prefix="to" />
                        </>
                      )}
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <td>
                      <Time iso={entry.at} />
                    </td>
                    <td>{entry.comment.author.name}</td>
                    <td>
                      {COMMENT_SENTENCE[entry.comment.kind]} section {entry.comment.section}
                      {entry.comment.internal ? ' (internal note, secretariat only)' : ''}: “{entry.comment.text}”
                    </td>
                    <td>
                      <span class="muted">No change</span>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
