/**
 * The report page: for the country's rapporteur, the 21 sections grouped by target and goal with
 * their status, the returned ones and what each still needs, and what is missing before submission;
 * for reviewers and admins, every answer with its conversation and the decision forms of their
 * review, the review's running summary, the report's approval, publication and the exports.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import { formOutline } from '../../../shared/documents/answers';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { Attachment } from '../../../shared/store/attachment-items';
import {
  TRANSITIONS,
  awaitsResponse,
  changedSinceReview,
  holdsRoleFor,
  isAnswered,
  isStaff,
  refusal,
  reopenRefusal,
  repliedSinceReturn,
  type Comment,
  type DraftReview,
  type ReportState,
  type SectionState,
} from '../../../shared/workflow';
import type { CommitmentsView } from '../../../shared/usecases/commitments';
import { BesideCommitment, PrefillOffer, QuestionLink } from './commitments';
import { CommentForm, Thread } from './conversation';
import { CycleStatusNotice } from './deadlines';
import { ReviewPanel, SectionDecision } from './review';
import { Breadcrumbs, Csrf, ErrorSummary, Flash, Layout, RawHtml, StatusBadge, Time, type PageContext } from '../layout';
import { reportPath, revisionsPath, sectionAnchor, sectionPath } from '../paths';
import type { SectionChanges } from '../../../shared/usecases/revisions';
import { ChangesSinceReview } from './revisions';

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

/** A list of links to sections of a report, with what each still needs. */
const SectionLinks: FC<{ ctx: PageContext; report: ReportState; sections: readonly SectionState[]; notes?: (s: SectionState) => string | undefined }> = ({ ctx, report, sections, notes }) => (
  <ul>
    {sections.map((s) => (
      <li>
        <a href={ctx.href(sectionPath(report.cycle, report.country, s.id))}>Section {s.id}</a>
        {notes?.(s) ? <span class="muted"> – {notes(s)}</span> : null}
      </li>
    ))}
  </ul>
);

export interface ReportPageProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  attachments: ReadonlyMap<string, Attachment[]>;
  /** Draft reviews in progress (the secretariat's view only). */
  drafts: DraftReview[];
  /** The conversations, by section, as this reader may see them. */
  comments: ReadonlyMap<string, Comment[]>;
  flash?: string | undefined;
  /** The section a flash message is about: it is shown there, where the user acted. */
  flashSection?: string | undefined;
  /** A refused decision or note: the section, the text as typed and the message to show next to it. */
  decisionError?: { section: string; comment: string; message: string } | undefined;
  commentError?: { section: string; text: string; message: string } | undefined;
  /** Last cycle's commitments, shown beside question A to reviewers. */
  commitments?: CommitmentsView | undefined;
  /** What changed since the review, by section (the secretariat's view). */
  changes?: ReadonlyMap<string, SectionChanges> | undefined;
}

export const FLASH_MESSAGES: Record<string, string> = {
  submitted: 'The report has been submitted for review.',
  'decision-added': 'Added to your review. Nothing is sent to the country until you send the review.',
  'decision-removed': 'The decision has been taken out of your review.',
  'review-sent': 'Your review has been sent.',
  'review-discarded': 'Your review has been discarded; nothing was sent.',
  'comment-added': 'Your note has been added to the conversation.',
  'reply-sent': 'Your reply has been sent to the reviewers.',
  approved: 'The report has been approved.',
  published: 'The report has been published and is now public.',
  reopened: 'The report has been reopened: its approval is void and it is returned. Reopen the sections to correct; the public keeps reading the last publication until the next one.',
  saved: 'Your answer has been saved.',
  prefilled: "Last cycle's answers have been copied into the sections that had no answer. Check and update each of them before you submit.",
  'prefilled-none': "Nothing was copied: last cycle's report has no text for the sections that still have no answer.",
};

export const ReportPage: FC<ReportPageProps> = (props) => {
  const { ctx, info, participant, report } = props;
  const title = `${participant.name}: ${info.cycle.id} report`;
  const reviewer = isStaff(ctx.session?.actor);
  const errors = [
    ...(props.decisionError ? [{ field: `comment-${sectionAnchor(props.decisionError.section)}`, message: props.decisionError.message }] : []),
    ...(props.commentError ? [{ field: `reply-${sectionAnchor(props.commentError.section)}`, message: props.commentError.message }] : []),
  ];
  return (
    <Layout ctx={ctx} title={title} scripts>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          ...(reviewer ? [{ label: `${info.cycle.id} dashboard`, href: ctx.href(`/reports/${info.cycle.id}`) }] : []),
          { label: title },
        ]}
      />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      {props.flashSection ? null : <Flash message={props.flash ? FLASH_MESSAGES[props.flash] : undefined} />}
      <ReportFacts info={info} report={report} />
      <CycleStatusNotice cycle={info.cycle} />
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

/** Where a returned section stands for the country. */
export function returnState(s: SectionState): string | undefined {
  if (s.status !== 'returned') return undefined;
  if (changedSinceReview(s)) return 'revised; it goes back to the reviewers when you submit';
  if (repliedSinceReturn(s)) return 'you replied; it goes back to the reviewers when you submit';
  return awaitsResponse(s) ? 'revise the answer or reply to the reviewers' : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rapporteur

const RapporteurView: FC<ReportPageProps> = ({ ctx, info, report, attachments, comments }) => {
  const actor = ctx.session!.actor;
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const returned = report.sections.filter((s) => s.status === 'returned');
  const missing = report.sections.filter((s) => !isAnswered(s));
  const canSubmitNow = refusal('submitReport', actor, report, {}, info.cycle);
  const submittable = TRANSITIONS.submitReport.reportFrom!.includes(report.status);
  const waiting = returned.filter(awaitsResponse);
  return (
    <>
      {returned.length > 0 ? (
        <div class="notice notice-warning">
          <h2>{returned.length === 1 ? 'One section returned with a comment' : `${returned.length} sections returned with a comment`}</h2>
          <p>The reviewers ask you to revise these sections, or to answer them in the conversation, then to submit the report again:</p>
          <SectionLinks ctx={ctx} report={report} sections={returned} notes={returnState} />
        </div>
      ) : null}
      <PrefillOffer ctx={ctx} info={info} report={report} />
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
                  const talk = comments.get(section.id)?.length ?? 0;
                  return (
                    <li id={sectionAnchor(section.id)}>
                      <a class="section-link" href={ctx.href(sectionPath(report.cycle, report.country, section.id))}>
                        <strong>{section.id}</strong> {key}) {goal.prompts[key]}
                      </a>
                      <span class="section-facts">
                        <StatusBadge status={state.status} />
                        <span>{state.nothingToReport ? 'Nothing to report' : state.text.trim() ? 'Answered' : 'No answer yet'}</span>
                        {state.status === 'returned' && !awaitsResponse(state) ? <span class="tag">{changedSinceReview(state) ? 'Revised' : 'Replied'}</span> : null}
                        {files > 0 ? <span>{files === 1 ? '1 attachment' : `${files} attachments`}</span> : null}
                        {talk > 0 ? <span>{talk === 1 ? '1 comment' : `${talk} comments`}</span> : null}
                        <QuestionLink ctx={ctx} cycle={report.cycle} section={section.id} />
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
            The report is <StatusBadge status={report.status} />: {report.status === 'published'
              ? 'it has been published.'
              : report.status === 'approved'
                ? 'the reviewers have approved it; the secretariat publishes it next.'
                : 'it is with the reviewers; you can change it again only if they return a section.'}
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
            ) : waiting.length > 0 ? (
              <div id="submit-missing">
                <p>
                  <strong>{waiting.length === 1 ? 'One returned section still needs' : `${waiting.length} returned sections still need`} a revised answer or a reply</strong> before you
                  can submit again:
                </p>
                <SectionLinks ctx={ctx} report={report} sections={waiting} />
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

const ReviewerView: FC<ReportPageProps> = (props) => {
  const { ctx, info, participant, report, attachments, drafts, comments } = props;
  const actor = ctx.session!.actor;
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const approveWhyNot = refusal('approveReport', actor, report, {}, info.cycle);
  const mayPublish = holdsRoleFor('publishReport', actor, report.country);
  const publishWhyNot = refusal('publishReport', actor, report, {}, info.cycle);
  const base = reportPath(report.cycle, report.country);
  return (
    <>
      <section aria-labelledby="decision-heading" class="panel">
        <h2 id="decision-heading">Decision on the report</h2>
        {report.status === 'approved' || report.status === 'published' ? (
          // Decided: what happened, and no buttons that can no longer be pressed.
          <p id="decision-done">
            {report.status === 'published'
              ? 'The report has been approved and published: everyone can read it without signing in.'
              : `The report has been approved.${mayPublish ? '' : ' An administrator can now publish it.'}`}
          </p>
        ) : (
          <DecisionForm ctx={ctx} action={`${base}/approve`} id="approve-reason" whyNot={approveWhyNot} ready="Every section is approved: the report can be approved." label="Approve the report" />
        )}
        {mayPublish && report.status !== 'published' ? (
          <DecisionForm
            ctx={ctx}
            action={`${base}/publish`}
            id="publish-reason"
            whyNot={publishWhyNot}
            ready="The report is approved: publishing makes it readable by everyone, without signing in."
            label="Publish the report"
          />
        ) : null}
        {!reopenRefusal(actor, report, undefined, info.cycle) ? (
          <p>
            <a class="button secondary" href={ctx.href(`${base}/reopen`)}>
              Reopen the report for a correction
            </a>
          </p>
        ) : null}
        <h3>History and exports</h3>
        <ReportLinks ctx={ctx} report={report} />
      </section>
      <ReviewPanel ctx={ctx} report={report} participant={participant} drafts={drafts} />
      {formOutline(info).map(({ target, goals }) => (
        <section aria-labelledby={`target-${target.number}`}>
          <h2 id={`target-${target.number}`}>Policy Target No. {target.number}</h2>
          <p>{target.title}</p>
          {goals.map(({ goal, questions }) => (
            <>
              {goalHeading(goal)}
              {questions.map(({ section, key }) => (
                <BesideCommitment commitments={props.commitments} goal={goal.id} question={key}>
                  <ReviewSection
                    {...props}
                    state={byId.get(section.id)!}
                    prompt={`${key}) ${goal.prompts[key]}`}
                    files={attachments.get(section.id) ?? []}
                    thread={comments.get(section.id) ?? []}
                  />
                </BesideCommitment>
              ))}
            </>
          ))}
        </section>
      ))}
    </>
  );
};

const ReviewSection: FC<ReportPageProps & { state: SectionState; prompt: string; files: Attachment[]; thread: Comment[] }> = (props) => {
  const { ctx, report, state, prompt, files, thread, drafts } = props;
  const anchor = sectionAnchor(state.id);
  const base = sectionPath(report.cycle, report.country, state.id);
  return (
    <article class="review-section" id={anchor} aria-labelledby={`${anchor}-title`}>
      <header>
        <h4 id={`${anchor}-title`}>
          <a href={ctx.href(base)}>{state.id}</a> · {prompt}
        </h4>
        <StatusBadge status={state.status} />
        <QuestionLink ctx={ctx} cycle={report.cycle} section={state.id} />
      </header>
      {props.flashSection === state.id ? <Flash message={props.flash ? FLASH_MESSAGES[props.flash] : undefined} /> : null}
      {state.nothingToReport || !state.text.trim() ? <p class="nothing">{state.nothingToReport ? 'Nothing to report.' : 'No answer.'}</p> : <RawHtml class="answer" html={answerToHtml(state.text)} />}
      {props.changes?.get(state.id) ? (
        <ChangesSinceReview ctx={ctx} cycle={report.cycle} country={report.country} section={state.id} changes={props.changes.get(state.id)!} headingLevel={5} />
      ) : changedSinceReview(state) ? (
        <p class="tag">Changed since the last review</p>
      ) : null}
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
      <Thread comments={thread} section={state.id} headingLevel={5} />
      <SectionDecision ctx={ctx} report={report} state={state} drafts={drafts} back="report" error={props.decisionError?.section === state.id ? props.decisionError : undefined} />
      <p class="section-links">
        <a href={ctx.href(revisionsPath(report.cycle, report.country, state.id))}>
          Revisions<span class="visually-hidden"> of section {state.id}</span>
        </a>
        {!reopenRefusal(ctx.session!.actor, report, state.id, props.info.cycle) ? (
          <>
            {' · '}
            <a href={ctx.href(`${base}/reopen`)}>
              Reopen<span class="visually-hidden"> section {state.id}</span> for a correction
            </a>
          </>
        ) : null}
      </p>
      <details open={props.commentError?.section === state.id ? true : undefined}>
        <summary>Add a note on section {state.id}</summary>
        <CommentForm ctx={ctx} cycle={report.cycle} country={report.country} section={state} mode="note" back="report" error={props.commentError?.section === state.id ? props.commentError : undefined} />
      </details>
    </article>
  );
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
