/**
 * The section page: the question, the reviewer's return comment above the answer, and for the
 * country's rapporteur while the section is editable, the Markdown editor (preview without script,
 * autosave with script), the nothing-to-report mark and the attachments. A stale save re-renders
 * this page with the user's text kept and the saved text beside it.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant, Section } from '../../../shared/form';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { Attachment } from '../../../shared/store/attachment-items';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_SIZE } from '../../../shared/workflow/attachments';
import { awaitsResponse, canEditSection, changedSinceReview, holdsRoleFor, isReaderOf, isStaff, reopenRefusal, sectionEtag, type Comment, type DraftReview, type ReportState, type SectionState } from '../../../shared/workflow';
import { CommentForm, Thread } from './conversation';
import { SectionDecision } from './review';
import { Breadcrumbs, Csrf, ErrorSummary, Flash, Layout, Notice, RawHtml, StatusBadge, Time, type FieldErrorView, type PageContext } from '../layout';
import { reportPath, revisionsPath, sectionAnchor, sectionPath } from '../paths';
import type { SectionChanges } from '../../../shared/usecases/revisions';
import { ChangesSinceReview } from './revisions';
import { formatSize } from './report';
import type { CommitmentsView } from '../../../shared/usecases/commitments';
import { AnnouncedCommitment } from './commitments';
import { CycleStatusNotice } from './deadlines';

export { NTR_FIELD, TEXT_FIELD, UNSAVED_FIELD } from './section-fields';
import { NTR_FIELD, TEXT_FIELD, UNSAVED_FIELD } from './section-fields';

export type Draft = { text: string; nothingToReport: boolean };

export interface SectionPageProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  section: Section;
  state: SectionState;
  files: Attachment[];
  /** The user's input when the page is re-rendered after a preview, an error or a conflict. */
  draft?: Draft | undefined;
  preview?: boolean;
  errors?: FieldErrorView[];
  /** A stale save or preview: `state` is the version now saved, `draft` the user's text based on an older one. */
  conflict?: boolean;
  flash?: string | undefined;
  /** Draft reviews in progress (the secretariat's view only). */
  drafts: DraftReview[];
  /** The section's conversation, as this reader may see it. */
  thread: Comment[];
  /** A refused decision or note, the text as typed. */
  decisionError?: { comment: string; message: string } | undefined;
  commentError?: { text: string; message: string } | undefined;
  /** Last cycle's commitments (shown with question A). */
  commitments?: CommitmentsView | undefined;
  /** What changed since the review (a reviewer's view of a changed section). */
  changes?: SectionChanges | undefined;
}

const SECTION_FLASH: Record<string, string> = {
  saved: 'Your answer has been saved.',
  uploaded: 'The file has been uploaded.',
  'attachment-removed': 'The attachment has been removed.',
  'decision-added': 'Added to your review. Nothing is sent to the country until you send the review.',
  'comment-added': 'Your note has been added to the conversation.',
  'reply-sent': 'Your reply has been sent to the reviewers. The section can go back to them with the report, even unchanged.',
  'section-reopened': 'The section has been reopened: its approval is void and it is back with the country, with your reason in its conversation.',
};

/** Where to sign in again without leaving the page that holds the user's text. */
const signInAgainHref = (ctx: PageContext, cycle: string, country: string, section: string) => ctx.href(`/sign-in?next=${encodeURIComponent(sectionPath(cycle, country, section))}`);

export const SectionPage: FC<SectionPageProps> = (props) => {
  const { ctx, info, participant, report, section, state, files } = props;
  const goal = info.cycle.form.targets.flatMap((t) => t.goals).find((g) => g.id === section.goalId)!;
  const editable = canEditSection(ctx.session?.actor, report.country, state.status, info.cycle);
  const conflict = editable && !!props.conflict;
  const reportHref = ctx.href(reportPath(report.cycle, report.country));
  const title = `Section ${section.id}`;
  // Messages about the user's text link to wherever it is shown: the editor, or the read-only copy.
  const textField = editable ? TEXT_FIELD : UNSAVED_FIELD;
  const errors = (props.errors ?? []).map((e) => (e.field === TEXT_FIELD || e.field === UNSAVED_FIELD ? { ...e, field: textField } : e));
  if (props.decisionError) errors.push({ field: `comment-${sectionAnchor(section.id)}`, message: props.decisionError.message });
  if (props.commentError) errors.push({ field: `reply-${sectionAnchor(section.id)}`, message: props.commentError.message });
  if (props.draft && !editable && errors.length === 0) {
    errors.push({ field: UNSAVED_FIELD, message: `Section ${section.id} cannot be changed now, so your text was not saved. It is kept below so that you can copy it.` });
  }
  return (
    <Layout ctx={ctx} title={`${title} – ${participant.name}`} scripts>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: `${participant.name}: ${info.cycle.id} report`, href: reportHref },
          { label: title },
        ]}
      />
      <ErrorSummary
        errors={
          conflict
            ? [{ field: TEXT_FIELD, message: 'Someone saved this section after you opened it. Your text is kept below; compare it with the saved version before saving again.' }, ...errors]
            : errors
        }
        title={conflict || (props.draft && !editable) ? 'Your answer was not saved' : undefined}
      />
      <h1>
        {title} <span class="visually-hidden">of the report of </span>
        <span class="muted">· {participant.name}</span>
      </h1>
      <Flash message={props.flash ? SECTION_FLASH[props.flash] : undefined}>
        {props.flash === 'saved' || props.flash === 'reply-sent' ? <AfterRevision ctx={ctx} report={report} state={state} /> : null}
      </Flash>
      <dl class="meta-list">
        <dt>Policy target</dt>
        <dd>No. {section.targetNumber}</dd>
        <dt>Operational goal</dt>
        <dd>
          {goal.id}: {goal.title}
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={state.status} />
        </dd>
        {state.updatedAt ? (
          <>
            <dt>Last saved</dt>
            <dd>
              <Time iso={state.updatedAt} />
              {state.updatedBy ? ` by ${state.updatedBy.name}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <h2 id="question">
        {section.question}) {section.prompt}
      </h2>
      <CycleStatusNotice cycle={info.cycle} />
      <AnnouncedCommitment commitments={props.commitments} goal={section.goalId} question={section.question} level={3} />
      {props.thread.length > 0 ? (
        <div class={`conversation${state.status === 'returned' ? ' notice notice-warning' : ''}`}>
          <Thread comments={props.thread} section={section.id} headingLevel={3} markLatestReturn={state.status === 'returned'} />
          {state.status === 'returned' && holdsRoleFor('replyOnSection', ctx.session?.actor, report.country) ? (
            <details open={props.commentError ? true : undefined}>
              <summary>Reply to the reviewers</summary>
              <CommentForm ctx={ctx} cycle={report.cycle} country={report.country} section={state} mode="reply" back="section" error={props.commentError} />
            </details>
          ) : null}
        </div>
      ) : state.returnComment ? (
        <div class="notice notice-warning" role="note" aria-labelledby="return-comment-title">
          <h3 id="return-comment-title">Comment from the reviewers</h3>
          <p id="return-comment">{state.returnComment}</p>
        </div>
      ) : null}
      {isStaff(ctx.session?.actor) ? (
        <section aria-labelledby="review-actions-heading" class="panel">
          <h2 id="review-actions-heading">Your review of this section</h2>
          {props.changes ? (
            <ChangesSinceReview ctx={ctx} cycle={report.cycle} country={report.country} section={section.id} changes={props.changes} headingLevel={3} />
          ) : changedSinceReview(state) ? (
            <p class="tag">Changed since the last review</p>
          ) : null}
          <SectionDecision ctx={ctx} report={report} state={state} drafts={props.drafts} back="section" error={props.decisionError} />
          <p>
            <a href={ctx.href(`${reportPath(report.cycle, report.country)}#review`)}>Your review so far, and sending it</a>
          </p>
          <details open={props.commentError ? true : undefined}>
            <summary>Add a note on section {section.id}</summary>
            <CommentForm ctx={ctx} cycle={report.cycle} country={report.country} section={state} mode="note" back="section" error={props.commentError} />
          </details>
        </section>
      ) : null}
      {editable ? (
        <Editor {...props} errors={errors} conflict={conflict} />
      ) : (
        <>
          <ReadOnlyAnswer state={state} />
          {props.draft ? <UnsavedDraft draft={props.draft} /> : null}
        </>
      )}
      <Attachments {...props} editable={editable} />
      {ctx.session && !reopenRefusal(ctx.session.actor, report, section.id, info.cycle) ? (
        <p>
          <a class="button secondary" href={ctx.href(`${sectionPath(report.cycle, report.country, section.id)}/reopen`)}>
            Reopen section {section.id} for a correction
          </a>
        </p>
      ) : null}
      <ul class="plain">
        {isReaderOf(ctx.session?.actor, report.country) ? (
          <li>
            <a href={ctx.href(revisionsPath(report.cycle, report.country, section.id))}>Revisions of section {section.id}</a>
          </li>
        ) : null}
        <li>
          <a href={`${reportHref}#${sectionAnchor(section.id)}`}>Back to the report</a>
        </li>
      </ul>
    </Layout>
  );
};

/** After a revision or a reply on a returned section: where it stands now, and the next returned section. */
const AfterRevision: FC<{ ctx: PageContext; report: ReportState; state: SectionState }> = ({ ctx, report, state }) => {
  if (state.status !== 'returned') return null;
  const next = report.sections.find((s) => s.id !== state.id && awaitsResponse(s));
  return (
    <>
      {awaitsResponse(state) ? null : <p>Section {state.id} is marked revised: it goes back to the reviewers when you submit the report.</p>}
      <p>
        {next ? (
          <a href={ctx.href(sectionPath(report.cycle, report.country, next.id))}>Next returned section: {next.id}</a>
        ) : (
          <a href={ctx.href(`${reportPath(report.cycle, report.country)}#submit`)}>Every returned section is revised or answered: submit the report</a>
        )}
      </p>
    </>
  );
};

/**
 * The section form posted without a valid session (it expired while the user was typing): the
 * user's text in the editor again, and a sign-in link that opens in a new tab so this page, and
 * the text on it, stay. Nothing of the report is shown: only the public form's question.
 */
export const SignedOutSectionPage: FC<{ ctx: PageContext; info: CycleInfo; participant: Participant; section: Section; draft: Draft; etag: string; expired: boolean }> = ({
  ctx,
  info,
  participant,
  section,
  draft,
  etag,
  expired,
}) => {
  const title = `Section ${section.id}`;
  const reason = expired ? 'Your session has expired' : 'You are not signed in';
  return (
    <Layout ctx={ctx} title={`${title} – ${participant.name}`}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: `${participant.name}: ${info.cycle.id} report`, href: ctx.href(reportPath(info.cycle.id, participant.code)) },
          { label: title },
        ]}
      />
      <ErrorSummary errors={[{ field: TEXT_FIELD, message: `${reason}, so your answer was not saved. Your text is kept below.` }]} title="Your answer was not saved" />
      <h1>
        {title} <span class="visually-hidden">of the report of </span>
        <span class="muted">· {participant.name}</span>
      </h1>
      <Notice kind="warning" title="Sign in again, then save">
        <p id="signed-out-message">
          {reason}. Your text is still in the box below, not saved yet. Keep this page open:{' '}
          <a href={signInAgainHref(ctx, info.cycle.id, participant.code, section.id)} target="_blank" rel="noopener" id="sign-in-again">
            sign in again in a new tab
          </a>
          , then come back to this page and press Save again.
        </p>
      </Notice>
      <h2 id="question">
        {section.question}) {section.prompt}
      </h2>
      <AnswerForm ctx={ctx} cycle={info.cycle.id} country={participant.code} section={section.id} etag={etag} text={draft.text} nothingToReport={draft.nothingToReport} describedBy="signed-out-message" />
    </Layout>
  );
};

const ReadOnlyAnswer: FC<{ state: SectionState }> = ({ state }) => (
  <section aria-labelledby="answer-heading">
    <h2 id="answer-heading" class="visually-hidden">
      Answer
    </h2>
    {state.nothingToReport || !state.text.trim() ? (
      <p class="nothing">{state.nothingToReport ? 'Nothing to report.' : 'No answer yet.'}</p>
    ) : (
      <RawHtml class="answer panel" html={answerToHtml(state.text)} />
    )}
    {state.status === 'submitted' || state.status === 'approved' ? <p class="muted">This section is {state.status}: it cannot be changed now.</p> : null}
  </section>
);

/** The user's text that can no longer be saved here, read-only so that it can be copied. */
const UnsavedDraft: FC<{ draft: Draft }> = ({ draft }) => (
  <section aria-labelledby="unsaved-heading" class="compare">
    <h2 id="unsaved-heading">Your text (not saved)</h2>
    <p class="hint" id="unsaved-hint">
      This section cannot be changed now, so your text was not saved. It is kept here so that you can copy it: select it all (Ctrl+A or ⌘+A in the box), copy it (Ctrl+C or ⌘+C) and keep it
      elsewhere.
      {draft.nothingToReport ? ' You had also ticked “Nothing to report”.' : ''}
    </p>
    <div class="field">
      <label for={UNSAVED_FIELD}>Your unsaved answer</label>
      <textarea id={UNSAVED_FIELD} rows={12} readonly aria-describedby="unsaved-hint">
        {'\n' + draft.text}
      </textarea>
    </div>
  </section>
);

/** The answer form: text, nothing-to-report mark, the version it is based on, Save and Preview. */
const AnswerForm: FC<{
  ctx: PageContext;
  cycle: string;
  country: string;
  section: string;
  etag: string;
  text: string;
  nothingToReport: boolean;
  textError?: FieldErrorView | undefined;
  conflict?: boolean | undefined;
  describedBy?: string;
}> = ({ ctx, cycle, country, section, etag, text, nothingToReport, textError, conflict, describedBy }) => {
  const described = ['answer-hint', describedBy ?? '', textError ? 'answer-error' : '', conflict ? 'conflict-message' : ''].filter(Boolean).join(' ');
  return (
    <form method="post" action={ctx.href(sectionPath(cycle, country, section))} data-autosave="" data-draft-key={`${cycle}/${country}/${section}`}>
      <Csrf ctx={ctx} />
      <input type="hidden" name="etag" value={etag} />
      <div class="field">
        <label for={TEXT_FIELD}>Answer to {section}</label>
        <span class="hint" id="answer-hint">
          Markdown: a blank line starts a paragraph; “- ” starts a bullet, “1. ” a numbered item; *emphasis*, **strong**.
        </span>
        {conflict ? (
          <span class="error-message" id="conflict-message">
            <span class="visually-hidden">Error: </span>Not saved: this section changed since you opened it. The text below is yours; the saved version is shown after the form.
          </span>
        ) : null}
        {textError ? (
          <span class="error-message" id="answer-error">
            <span class="visually-hidden">Error: </span>
            {textError.message}
          </span>
        ) : null}
        <textarea id={TEXT_FIELD} name="text" rows={16} aria-describedby={described} aria-invalid={textError || conflict ? 'true' : undefined}>
          {'\n' + text}
        </textarea>
      </div>
      <div class="field checkbox">
        <input type="checkbox" id={NTR_FIELD} name="nothingToReport" value="true" checked={nothingToReport} aria-describedby="nothing-hint" />
        <label for={NTR_FIELD}>Nothing to report for this question</label>
      </div>
      <span class="hint" id="nothing-hint">
        Tick this instead of writing an answer; the answer must then be empty.
      </span>
      <div class="actions">
        <button type="submit" name="intent" value="save" class="button">
          {conflict ? 'Save my version' : 'Save'}
        </button>
        <button type="submit" name="intent" value="preview" class="button secondary">
          Preview
        </button>
        <p id="autosave-status" role="status" aria-live="polite" class="muted"></p>
      </div>
    </form>
  );
};

const Editor: FC<SectionPageProps> = ({ ctx, report, section, state, draft, preview, errors = [], conflict }) => {
  const text = draft?.text ?? state.text;
  const nothingToReport = draft?.nothingToReport ?? state.nothingToReport;
  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading" class="visually-hidden">
        Your answer
      </h2>
      {/* The current version: after a conflict, saving again is the user's deliberate choice with both versions in view. */}
      <AnswerForm
        ctx={ctx}
        cycle={report.cycle}
        country={report.country}
        section={section.id}
        etag={sectionEtag(report.cycle, report.country, state)}
        text={text}
        nothingToReport={nothingToReport}
        textError={errors.find((e) => e.field === TEXT_FIELD)}
        conflict={conflict}
      />
      {/* Shown by the autosave script when the session has expired. */}
      <div class="notice notice-warning" id="session-expired" hidden>
        <p>
          Your session has expired, so your text is no longer saved automatically. It is still in the box above:{' '}
          <a href={signInAgainHref(ctx, report.cycle, report.country, section.id)} target="_blank" rel="noopener">
            sign in again in a new tab
          </a>
          , then come back to this page and press Save.
        </p>
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading" class="preview" id="preview">
          <h3 id="preview-heading">Preview (not saved yet)</h3>
          {nothingToReport ? <p class="nothing">Nothing to report.</p> : <RawHtml class="answer" html={answerToHtml(text)} />}
        </section>
      ) : null}
      {conflict ? (
        <section aria-labelledby="saved-heading" class="compare" id="saved-version">
          <h3 id="saved-heading">The version saved now</h3>
          <p class="muted">
            {state.updatedBy ? `Saved by ${state.updatedBy.name}` : 'Saved'}
            {state.updatedAt ? (
              <>
                {' '}
                at <Time iso={state.updatedAt} />
              </>
            ) : null}
            {state.nothingToReport ? ', marked nothing to report' : ''}. Saving again replaces it with your text above.
          </p>
          <pre id="saved-text" tabindex={0} aria-label="Saved text">{state.text}</pre>
        </section>
      ) : null}
    </section>
  );
};

const ACCEPT = Object.entries(ATTACHMENT_TYPES)
  .flatMap(([type, exts]) => [type, ...exts.map((e) => `.${e}`)])
  .join(',');

const Attachments: FC<SectionPageProps & { editable: boolean }> = ({ ctx, report, section, files, editable }) => {
  const base = `${sectionPath(report.cycle, report.country, section.id)}/attachments`;
  if (!editable && files.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments</h2>
      {files.length === 0 ? (
        <p>No attachments.</p>
      ) : (
        <ul class="attachments-list">
          {files.map((f) => (
            <li>
              <a href={ctx.href(`${base}/${f.id}`)}>{f.filename}</a> <span class="muted">({formatSize(f.size)}, added by {f.uploadedBy.name})</span>{' '}
              {editable ? (
                <form method="post" action={ctx.href(`${base}/${f.id}/delete`)} class="inline-form">
                  <Csrf ctx={ctx} />
                  <button type="submit" class="button danger">
                    Remove <span class="visually-hidden">{f.filename}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form method="post" action={ctx.href(base)} data-upload="" data-done={ctx.href(`${sectionPath(report.cycle, report.country, section.id)}?done=uploaded#attachments-heading`)} enctype="multipart/form-data">
          <Csrf ctx={ctx} />
          <div class="field">
            <label for="attachment-file">Add a file</label>
            <span class="hint" id="attachment-hint">
              PDF, Word, Excel, OpenDocument, PNG, JPEG, text or CSV; at most {Math.round(MAX_ATTACHMENT_SIZE / 1024 / 1024)} MB.
            </span>
            <input type="file" id="attachment-file" name="file" accept={ACCEPT} aria-describedby="attachment-hint upload-status" />
          </div>
          {/* Shown until the script takes over (a noscript element is not shown when only script execution is off). */}
          <p class="notice notice-warning" id="upload-nojs">
            Uploading needs JavaScript (the file goes straight to secure storage with a progress bar). Everything else on this page works without it.
          </p>
          <div class="actions" id="upload-js" hidden>
            <button type="submit" class="button secondary">
              Upload
            </button>
            <progress id="upload-progress" max={100} value={0} hidden aria-label="Upload progress"></progress>
          </div>
          <p id="upload-status" role="status" aria-live="polite"></p>
        </form>
      ) : null}
    </section>
  );
};
