/**
 * The reviewer's side of a report: the running summary of their draft review ("3 approved, 1 to
 * return") with Send and Discard, who else is reviewing, the next section needing review, and each
 * section's decision forms (Approve, Request changes), which add to the draft rather than apply.
 */
import type { FC } from 'hono/jsx';
import type { Participant } from '../../../shared/form';
import { holdsRoleFor, type Actor, type Decision, type DraftReview, type ReportState, type SectionState } from '../../../shared/workflow';
import { Csrf, TextareaField, Time, type PageContext } from '../layout';
import { reportPath, sectionAnchor, sectionPath } from '../paths';

/** The actor's own draft among the report's drafts. */
export function draftOf(drafts: readonly DraftReview[], actor: Actor | undefined): DraftReview | undefined {
  return actor ? drafts.find((d) => d.reviewer.sub === actor.sub) : undefined;
}

/** The first submitted section (form order) the draft has no decision on, or undefined. */
export function nextToReview(report: ReportState, draft: DraftReview | undefined, after?: string): SectionState | undefined {
  const decided = new Set(draft?.decisions.map((d) => d.section));
  const start = after ? report.sections.findIndex((s) => s.id === after) + 1 : 0;
  const open = (s: SectionState) => s.status === 'submitted' && !decided.has(s.id);
  return report.sections.slice(start).find(open) ?? report.sections.slice(0, start).find(open);
}

/** Decisions on sections no longer waiting for review: they would refuse the whole send. */
function staleDecisions(report: ReportState, draft: DraftReview | undefined): Decision[] {
  const status = new Map(report.sections.map((s) => [s.id, s.status]));
  return (draft?.decisions ?? []).filter((d) => status.get(d.section) !== 'submitted');
}

export function decisionCommentId(section: string): string {
  return `comment-${sectionAnchor(section)}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const ReviewPanel: FC<{ ctx: PageContext; report: ReportState; participant: Participant; drafts: DraftReview[] }> = ({ ctx, report, participant, drafts }) => {
  const actor = ctx.session!.actor;
  if (!holdsRoleFor('sendReview', actor, report.country)) return null;
  const mine = draftOf(drafts, actor);
  const others = drafts.filter((d) => d.reviewer.sub !== actor.sub && d.decisions.length > 0);
  const stale = staleDecisions(report, mine);
  const approve = mine?.decisions.filter((d) => d.verdict === 'approve').length ?? 0;
  const returns = mine?.decisions.filter((d) => d.verdict === 'return').length ?? 0;
  const next = nextToReview(report, mine);
  const base = `${reportPath(report.cycle, report.country)}/review`;
  const waiting = report.sections.filter((s) => s.status === 'submitted').length;
  return (
    <section aria-labelledby="review-heading" class="panel review-panel" id="review">
      <h2 id="review-heading">Your review of {participant.name}</h2>
      {others.map((d) => (
        <p class="muted">
          {d.reviewer.name} is also reviewing ({count(d.decisions.length, 'decision', 'decisions')} so far, last change <Time iso={d.updatedAt} />
          ).
        </p>
      ))}
      {!mine || mine.decisions.length === 0 ? (
        <p>
          {waiting === 0
            ? 'No section is waiting for review.'
            : `${count(waiting, 'section is', 'sections are')} waiting for review. Approve sections or request changes below: your decisions are kept here, seen by the secretariat only, until you send them to the country together.`}
        </p>
      ) : (
        <>
          <p>
            <strong>
              {approve} approved, {returns} to return
            </strong>
            {stale.length > 0 ? `; ${count(stale.length, 'decision is', 'decisions are')} no longer possible` : ''}.
          </p>
          <ul class="decisions">
            {mine.decisions.map((d) => {
              const isStale = stale.includes(d);
              return (
                <li>
                  <a href={`#${sectionAnchor(d.section)}`}>{d.section}</a>: {d.verdict === 'approve' ? 'approve' : 'return to the country'}
                  {d.verdict === 'return' ? <span class="muted"> (“{d.comment}”)</span> : null}
                  {isStale ? (
                    <strong class="error-text">
                      {' '}
                      The section is {report.sections.find((s) => s.id === d.section)?.status} now: take this decision out before sending.
                    </strong>
                  ) : null}{' '}
                  <form method="post" action={ctx.href(`${base}/decisions/${encodeURIComponent(d.section)}/remove`)} class="inline-form">
                    <Csrf ctx={ctx} />
                    <button type="submit" class="link-button">
                      Take out<span class="visually-hidden"> the decision on {d.section}</span>
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
          <form method="post" action={ctx.href(`${base}/send`)}>
            <Csrf ctx={ctx} />
            <div class="field">
              <label for="review-summary">A word for the country about this review (optional)</label>
              <textarea class="short" id="review-summary" name="summary">
                {'\n'}
              </textarea>
            </div>
            <div class="actions">
              <button type="submit" class="button" disabled={stale.length > 0} aria-describedby="send-hint">
                Send review to {participant.name}
              </button>
              <span class="hint" id="send-hint">
                {stale.length > 0
                  ? 'Take out the decisions that are no longer possible first.'
                  : `${returns > 0 ? `The report goes back to ${participant.name} with ${count(returns, 'section', 'sections')} to revise` : 'The approvals are applied'}; you will be asked to confirm.`}
              </span>
            </div>
          </form>
          <form method="post" action={ctx.href(`${base}/discard`)}>
            <Csrf ctx={ctx} />
            <button type="submit" class="button secondary">
              Discard your review
            </button>
          </form>
        </>
      )}
      {next ? (
        <p>
          <a href={`#${sectionAnchor(next.id)}`} class="next-link">
            Next section needing review: {next.id}
          </a>
        </p>
      ) : waiting > 0 ? (
        <p>Every section waiting for review has a decision in your review.</p>
      ) : null}
    </section>
  );
};

/**
 * One section's decision forms for a reviewer: Approve, or Request changes with a comment; both add
 * to the draft review. Shows the decision the draft already holds, and a refused comment, kept.
 */
export const SectionDecision: FC<{
  ctx: PageContext;
  report: ReportState;
  state: SectionState;
  drafts: DraftReview[];
  back: 'report' | 'section';
  error?: { comment: string; message: string } | undefined;
}> = ({ ctx, report, state, drafts, back, error }) => {
  const actor = ctx.session!.actor;
  if (!holdsRoleFor('sendReview', actor, report.country)) return null;
  const mine = draftOf(drafts, actor)?.decisions.find((d) => d.section === state.id);
  const fieldId = decisionCommentId(state.id);
  const action = ctx.href(`${reportPath(report.cycle, report.country)}/review/decisions`);
  if (state.status !== 'submitted') {
    // The section can no longer be decided (decided meanwhile): a refused comment stays on screen to be copied.
    return error ? (
      <div class="field">
        <label for={fieldId}>Your comment (not added to your review)</label>
        <span class="error-message" id={`${fieldId}-error`}>
          <span class="visually-hidden">Error: </span>
          {error.message}
        </span>
        <textarea class="short" id={fieldId} readonly aria-describedby={`${fieldId}-error`}>
          {'\n' + error.comment}
        </textarea>
      </div>
    ) : null;
  }
  const next = nextToReview(report, draftOf(drafts, actor), state.id);
  return (
    <div class="decision">
      {mine ? (
        <p class="in-review">
          <strong>In your review:</strong> {mine.verdict === 'approve' ? 'approve' : `return to the country (“${mine.comment}”)`}. Not sent yet.
        </p>
      ) : null}
      <div class="actions">
        <form method="post" action={action} class="inline-form">
          <Csrf ctx={ctx} />
          <input type="hidden" name="section" value={state.id} />
          <input type="hidden" name="verdict" value="approve" />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="button">
            Approve section {state.id}
          </button>
        </form>
        {next ? (
          <a href={back === 'report' ? `#${sectionAnchor(next.id)}` : ctx.href(sectionPath(report.cycle, report.country, next.id))}>Next section needing review: {next.id}</a>
        ) : null}
      </div>
      <details open={error || mine?.verdict === 'return' ? true : undefined}>
        <summary>Request changes on section {state.id}</summary>
        <form method="post" action={action}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="section" value={state.id} />
          <input type="hidden" name="verdict" value="return" />
          <input type="hidden" name="back" value={back} />
          <TextareaField
            id={fieldId}
            name="comment"
            label="Comment for the country (required)"
            hint="Say what should be revised; the rapporteur sees it above the answer once you send your review."
            error={error?.message}
            value={error?.comment ?? (mine?.verdict === 'return' ? (mine.comment ?? '') : '')}
          />
          <button type="submit" class="button secondary">
            Add to my review: return section {state.id}
          </button>
        </form>
      </details>
    </div>
  );
};
