/**
 * The report page: for the country's rapporteur, the 21 sections grouped by target and goal with
 * their status and what is still missing before submission; for reviewers and admins, every answer
 * rendered with the section decisions, the report's approval, publication and the exports.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import { answerToHtml, formOutline } from '../../../shared/documents';
import type { Attachment } from '../../../shared/store/attachment-items';
import { TRANSITIONS, holdsRoleFor, isAnswered, isStaff, refusal, type ReportState, type SectionState } from '../../../shared/workflow';
import { Breadcrumbs, Csrf, ErrorSummary, Layout, Notice, RawHtml, StatusBadge, Time, type PageContext } from '../layout';

/** A report-level decision: a button, disabled with the workflow's own reason when it is not allowed yet. */
const DecisionForm: FC<{ ctx: PageContext; action: string; id: string; whyNot: string | undefined; ready: string; label: string }> = ({ ctx, action, id, whyNot, ready, label }) => (
  <form method="post" action={ctx.href(action)}>
    <Csrf ctx={ctx} />
    <p id={id} class={whyNot ? 'muted' : undefined}>
      {whyNot ?? ready}
    </p>
    <button type="submit" class="button" disabled={whyNot !== undefined} aria-describedby={id}>
      {label}
    </button>
  </form>
);

/** A list of links to sections of a report (the returned ones, the unanswered ones). */
const SectionLinks: FC<{ ctx: PageContext; report: ReportState; sections: readonly SectionState[] }> = ({ ctx, report, sections }) => (
  <ul>
    {sections.map((s) => (
      <li>
        <a href={ctx.href(sectionPath(report.cycle, report.country, s.id))}>Section {s.id}</a>
      </li>
    ))}
  </ul>
);
import { reportPath, sectionAnchor, sectionPath } from '../paths';

export interface ReportPageProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  attachments: ReadonlyMap<string, Attachment[]>;
  flash?: string | undefined;
  /** A refused return: the section, the comment as typed and the message to show next to it. */
  returnError?: { section: string; comment: string; message: string } | undefined;
}

export const FLASH_MESSAGES: Record<string, string> = {
  submitted: 'The report has been submitted for review.',
  'section-approved': 'The section has been approved.',
  'section-returned': 'The section has been returned to the country with your comment.',
  approved: 'The report has been approved.',
  published: 'The report has been published and is now public.',
  saved: 'Your answer has been saved.',
};

export const ReportPage: FC<ReportPageProps> = (props) => {
  const { ctx, info, participant, report } = props;
  const title = `${participant.name}: ${info.cycle.id} report`;
  const reviewer = isStaff(ctx.session?.actor);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          ...(reviewer ? [{ label: `${info.cycle.id} dashboard`, href: ctx.href(`/reports/${info.cycle.id}`) }] : []),
          { label: title },
        ]}
      />
      {props.returnError ? <ErrorSummary errors={[{ field: commentId(props.returnError.section), message: props.returnError.message }]} /> : null}
      <h1>{title}</h1>
      {props.flash && FLASH_MESSAGES[props.flash] ? (
        <Notice kind="success" role="status">
          <p>{FLASH_MESSAGES[props.flash]}</p>
        </Notice>
      ) : null}
      <ReportFacts info={info} report={report} />
      {reviewer ? <ReviewerView {...props} /> : <RapporteurView {...props} />}
    </Layout>
  );
};

const ReportFacts: FC<{ info: CycleInfo; report: ReportState }> = ({ info, report }) => {
  const answered = report.sections.filter(isAnswered).length;
  const approved = report.sections.filter((s) => s.status === 'approved').length;
  return (
    <dl class="meta-list">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={report.status} />
      </dd>
      <dt>Deadline</dt>
      <dd>
        <Time iso={info.cycle.deadline} date />
      </dd>
      <dt>Answered</dt>
      <dd>
        {answered} of {report.sections.length} sections
      </dd>
      <dt>Approved</dt>
      <dd>
        {approved} of {report.sections.length} sections
      </dd>
      {report.updatedAt ? (
        <>
          <dt>Last change</dt>
          <dd>
            <Time iso={report.updatedAt} />
          </dd>
        </>
      ) : null}
    </dl>
  );
};

const ReportLinks: FC<{ ctx: PageContext; report: ReportState }> = ({ ctx, report }) => {
  const base = reportPath(report.cycle, report.country);
  return (
    <ul>
      <li>
        <a href={ctx.href(`${base}/history`)}>History of this report</a>
      </li>
      <li>
        <a href={ctx.href(`${base}/export.html`)}>Export as HTML (printable)</a>
      </li>
      <li>
        <a href={ctx.href(`${base}/export.md`)}>Export as Markdown</a>
      </li>
    </ul>
  );
};

function goalHeading(goal: { id: string; title: string }) {
  return (
    <h3 class="goal-title">
      <span class="label">Operational Goal {goal.id}:</span> {goal.title}
    </h3>
  );
}

// ---------------------------------------------------------------------------------------------
// Rapporteur

const RapporteurView: FC<ReportPageProps> = ({ ctx, info, report, attachments }) => {
  const actor = ctx.session!.actor;
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const returned = report.sections.filter((s) => s.status === 'returned');
  const missing = report.sections.filter((s) => !isAnswered(s));
  const canSubmitNow = refusal('submitReport', actor, report);
  const submittable = TRANSITIONS.submitReport.reportFrom!.includes(report.status);
  return (
    <>
      {returned.length > 0 ? (
        <Notice kind="warning" title={`${returned.length} section(s) returned with a comment`}>
          <p>The reviewers ask you to revise these sections, then submit the report again:</p>
          <SectionLinks ctx={ctx} report={report} sections={returned} />
        </Notice>
      ) : null}
      {formOutline(info).map(({ target, goals }) => (
        <section aria-labelledby={`target-${target.number}`}>
          <h2 id={`target-${target.number}`}>Policy Target No. {target.number}</h2>
          <p>{target.title}</p>
          {goals.map(({ goal, questions }) => (
            <>
              {goalHeading(goal)}
              <ul class="sections">
                {questions.map(({ section, key }) => {
                  const state = byId.get(section.id)!;
                  const files = attachments.get(section.id)?.length ?? 0;
                  return (
                    <li id={sectionAnchor(section.id)}>
                      <a class="section-link" href={ctx.href(sectionPath(report.cycle, report.country, section.id))}>
                        <strong>{section.id}</strong> {key}) {goal.prompts[key]}
                      </a>
                      <span class="section-facts">
                        <StatusBadge status={state.status} />
                        <span>{state.nothingToReport ? 'Nothing to report' : state.text.trim() ? 'Answered' : 'No answer yet'}</span>
                        {files > 0 ? <span>{files === 1 ? '1 attachment' : `${files} attachments`}</span> : null}
                        {state.returnComment ? <span>Reviewer's comment</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ))}
        </section>
      ))}
      <section aria-labelledby="submit-heading" class="panel" id="submit">
        <h2 id="submit-heading">Submit the report</h2>
        {!submittable ? (
          <p>
            The report is <StatusBadge status={report.status} />: {report.status === 'published' ? 'it has been published.' : 'it is with the reviewers; you can change it again only if they return a section.'}
          </p>
        ) : (
          <>
            {missing.length > 0 ? (
              <div id="submit-missing">
                <p>
                  <strong>{missing.length === 1 ? 'One section still needs' : `${missing.length} sections still need`} an answer</strong> (or the “nothing to report” mark) before you can submit:
                </p>
                <SectionLinks ctx={ctx} report={report} sections={missing} />
              </div>
            ) : (
              <p id="submit-missing">Every section has an answer. Submitting sends the {report.status === 'returned' ? 'revised sections' : 'report'} to the reviewers; you cannot change it meanwhile.</p>
            )}
            <form method="post" action={ctx.href(`${reportPath(report.cycle, report.country)}/submit`)}>
              <Csrf ctx={ctx} />
              <button type="submit" class="button" disabled={canSubmitNow !== undefined} aria-describedby="submit-missing">
                Submit the report
              </button>
            </form>
          </>
        )}
      </section>
      <section aria-labelledby="more-heading">
        <h2 id="more-heading">History and exports</h2>
        <ReportLinks ctx={ctx} report={report} />
      </section>
    </>
  );
};

// ---------------------------------------------------------------------------------------------
// Reviewer

export function commentId(section: string): string {
  return `comment-${sectionAnchor(section)}`;
}

const ReviewerView: FC<ReportPageProps> = ({ ctx, info, report, attachments, returnError }) => {
  const actor = ctx.session!.actor;
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const approveWhyNot = refusal('approveReport', actor, report);
  const mayPublish = holdsRoleFor('publishReport', actor, report.country);
  const publishWhyNot = refusal('publishReport', actor, report);
  const base = reportPath(report.cycle, report.country);
  return (
    <>
      <section aria-labelledby="decision-heading" class="panel">
        <h2 id="decision-heading">Decision on the report</h2>
        <DecisionForm ctx={ctx} action={`${base}/approve`} id="approve-reason" whyNot={approveWhyNot} ready="Every section is approved: the report can be approved." label="Approve the report" />
        {mayPublish ? (
          <DecisionForm
            ctx={ctx}
            action={`${base}/publish`}
            id="publish-reason"
            whyNot={publishWhyNot}
            ready="The report is approved: publishing makes it readable by everyone, without signing in."
            label="Publish the report"
          />
        ) : null}
        <h3>History and exports</h3>
        <ReportLinks ctx={ctx} report={report} />
      </section>
      {formOutline(info).map(({ target, goals }) => (
        <section aria-labelledby={`target-${target.number}`}>
          <h2 id={`target-${target.number}`}>Policy Target No. {target.number}</h2>
          <p>{target.title}</p>
          {goals.map(({ goal, questions }) => (
            <>
              {goalHeading(goal)}
              {questions.map(({ section, key }) => (
                <ReviewSection
                  ctx={ctx}
                  report={report}
                  state={byId.get(section.id)!}
                  prompt={`${key}) ${goal.prompts[key]}`}
                  files={attachments.get(section.id) ?? []}
                  error={returnError?.section === section.id ? returnError : undefined}
                />
              ))}
            </>
          ))}
        </section>
      ))}
    </>
  );
};

const ReviewSection: FC<{
  ctx: PageContext;
  report: ReportState;
  state: SectionState;
  prompt: string;
  files: Attachment[];
  error: { comment: string; message: string } | undefined;
}> = ({ ctx, report, state, prompt, files, error }) => {
  const actor = ctx.session!.actor;
  const anchor = sectionAnchor(state.id);
  const base = sectionPath(report.cycle, report.country, state.id);
  const decidable = refusal('approveSection', actor, report, { section: state.id }) === undefined;
  const fieldId = commentId(state.id);
  return (
    <article class="review-section" id={anchor} aria-labelledby={`${anchor}-title`}>
      <header>
        <h4 id={`${anchor}-title`}>
          {state.id} · {prompt}
        </h4>
        <StatusBadge status={state.status} />
      </header>
      {state.nothingToReport || !state.text.trim() ? <p class="nothing">{state.nothingToReport ? 'Nothing to report.' : 'No answer.'}</p> : <RawHtml class="answer" html={answerToHtml(state.text)} />}
      {files.length > 0 ? (
        <>
          <p>
            <strong>Attachments</strong>
          </p>
          <ul class="attachments-list">
            {files.map((f) => (
              <li>
                <a href={ctx.href(`${base}/attachments/${f.id}`)}>{f.filename}</a> <span class="muted">({formatSize(f.size)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.returnComment ? (
        <div class="notice comment">
          <p>
            <strong>Comment sent with the return:</strong> {state.returnComment}
          </p>
        </div>
      ) : null}
      {decidable ? (
        <div class="actions">
          <form method="post" action={ctx.href(`${base}/approve`)} class="inline-form">
            <Csrf ctx={ctx} />
            <button type="submit" class="button">
              Approve section {state.id}
            </button>
          </form>
          <details open={error ? true : undefined}>
            <summary>Return section {state.id} with a comment</summary>
            <form method="post" action={ctx.href(`${base}/return`)}>
              <Csrf ctx={ctx} />
              <div class="field">
                <label for={fieldId}>Comment for the country (required)</label>
                <span class="hint" id={`${fieldId}-hint`}>
                  Say what should be revised; the rapporteur sees it above the answer.
                </span>
                {error ? (
                  <span class="error-message" id={`${fieldId}-error`}>
                    <span class="visually-hidden">Error: </span>
                    {error.message}
                  </span>
                ) : null}
                <textarea
                  class="short"
                  id={fieldId}
                  name="comment"
                  aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
                  aria-invalid={error ? 'true' : undefined}
                >
                  {'\n' + (error?.comment ?? '')}
                </textarea>
              </div>
              <button type="submit" class="button secondary">
                Return section {state.id}
              </button>
            </form>
          </details>
        </div>
      ) : error ? (
        // The section can no longer be returned (decided meanwhile): the comment stays on screen to be copied.
        <div class="field">
          <label for={fieldId}>Your comment (not sent)</label>
          <span class="error-message" id={`${fieldId}-error`}>
            <span class="visually-hidden">Error: </span>
            {error.message}
          </span>
          <textarea class="short" id={fieldId} readonly aria-describedby={`${fieldId}-error`}>
            {'\n' + error.comment}
          </textarea>
        </div>
      ) : null}
    </article>
  );
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
