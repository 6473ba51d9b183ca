/**
 * The section page: the question, the reviewer's return comment above the answer, and for the
 * country's rapporteur while the section is editable, the Markdown editor (preview without script,
 * autosave with script), the nothing-to-report mark and the attachments. A stale save re-renders
 * this page with the user's text kept and the saved text beside it.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant, Section } from '../../../shared/form';
import { answerToHtml } from '../../../shared/documents';
import type { Attachment } from '../../../shared/store/attachments';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_SIZE } from '../../../shared/workflow/attachments';
import { sectionEtag, type ReportState, type SectionState } from '../../../shared/workflow';
import { isReviewer, mayEditSection } from '../decisions';
import { Breadcrumbs, Csrf, ErrorSummary, Layout, Notice, RawHtml, StatusBadge, Time, type FieldErrorView, type PageContext } from '../layout';
import { reportPath, sectionAnchor, sectionPath } from '../paths';
import { formatSize } from './report';

export const TEXT_FIELD = 'answer-text';
export const NTR_FIELD = 'answer-nothing';

export interface SectionPageProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  section: Section;
  state: SectionState;
  files: Attachment[];
  /** The user's input when the page is re-rendered after a preview, an error or a conflict. */
  draft?: { text: string; nothingToReport: boolean } | undefined;
  preview?: boolean;
  errors?: FieldErrorView[];
  /** A stale save: `state` is the version now saved, `draft` the user's text. */
  conflict?: boolean;
  flash?: string | undefined;
}

export const SectionPage: FC<SectionPageProps> = (props) => {
  const { ctx, info, participant, report, section, state, files } = props;
  const goal = info.cycle.form.targets.flatMap((t) => t.goals).find((g) => g.id === section.goalId)!;
  const editable = mayEditSection(ctx.session?.actor, report.country, state.status);
  const reportHref = ctx.href(reportPath(report.cycle, report.country));
  const title = `Section ${section.id}`;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={`${title} – ${participant.name}`} scripts={editable}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: `${participant.name}: ${info.cycle.id} report`, href: reportHref },
          { label: title },
        ]}
      />
      <ErrorSummary
        errors={
          props.conflict
            ? [{ field: TEXT_FIELD, message: 'Someone saved this section after you opened it. Your text is kept below; compare it with the saved version before saving again.' }, ...errors]
            : errors
        }
        title={props.conflict ? 'Your answer was not saved' : undefined}
      />
      <h1>
        {title} <span class="visually-hidden">of the report of </span>
        <span class="muted">· {participant.name}</span>
      </h1>
      {props.flash === 'saved' ? (
        <Notice kind="success" role="status">
          <p>Your answer has been saved.</p>
        </Notice>
      ) : null}
      {props.flash === 'uploaded' ? (
        <Notice kind="success" role="status">
          <p>The file has been uploaded.</p>
        </Notice>
      ) : null}
      {props.flash === 'attachment-removed' ? (
        <Notice kind="success" role="status">
          <p>The attachment has been removed.</p>
        </Notice>
      ) : null}
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
      {state.returnComment ? (
        <div class="notice notice-warning" role="note" aria-labelledby="return-comment-title">
          <h3 id="return-comment-title">Comment from the reviewers</h3>
          <p id="return-comment">{state.returnComment}</p>
        </div>
      ) : null}
      {editable ? <Editor {...props} /> : <ReadOnlyAnswer state={state} />}
      <Attachments {...props} editable={editable} />
      <p>
        <a href={`${reportHref}#${sectionAnchor(section.id)}`}>Back to the report</a>
        {isReviewer(ctx.session?.actor) ? ' (to approve or return this section)' : ''}
      </p>
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

const Editor: FC<SectionPageProps> = ({ ctx, report, section, state, draft, preview, errors = [], conflict }) => {
  const text = draft?.text ?? state.text;
  const nothingToReport = draft?.nothingToReport ?? state.nothingToReport;
  const textError = errors.find((e) => e.field === TEXT_FIELD);
  const describedBy = ['answer-hint', textError ? 'answer-error' : '', conflict ? 'conflict-message' : ''].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="editor-heading">
      <h2 id="editor-heading" class="visually-hidden">
        Your answer
      </h2>
      <form method="post" action={ctx.href(sectionPath(report.cycle, report.country, section.id))} data-autosave="">
        <Csrf ctx={ctx} />
        <input type="hidden" name="etag" value={sectionEtag(report.cycle, report.country, state)} />
        <div class="field">
          <label for={TEXT_FIELD}>Answer to {section.id}</label>
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
          <textarea id={TEXT_FIELD} name="text" rows={16} aria-describedby={describedBy} aria-invalid={textError || conflict ? 'true' : undefined}>
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
