/**
 * What changed in a section: the inline word diff a reviewer meets on a changed section (insertions
 * underlined, deletions struck through, each also named in hidden text, so colour is never the only
 * mark), a section's revisions and attachment activity, and one revision with what it changed.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant, Section } from '../../../shared/form';
import type { FileActivity, Revision } from '../../../shared/store/items';
import type { DiffPart, RevisionSummary, SectionChanges } from '../../../shared/usecases/revisions';
import { Breadcrumbs, Layout, StatusBadge, Time, type PageContext } from '../layout';
import { reportPath, revisionPath, revisionsPath, sectionPath } from '../paths';

/** A word diff in running text: `<ins>` and `<del>` with their role said in words for screen readers. */
export const InlineDiff: FC<{ changes: readonly DiffPart[]; id?: string }> = ({ changes, id }) => (
  <p class="diff" id={id}>
    {changes.map((part) =>
      part.op === 'insert' ? (
        <ins>
          <span class="visually-hidden">[inserted: </span>
          {part.text}
          <span class="visually-hidden">]</span>
        </ins>
      ) : part.op === 'delete' ? (
        <del>
          <span class="visually-hidden">[deleted: </span>
          {part.text}
          <span class="visually-hidden">]</span>
        </del>
      ) : (
        part.text
      ),
    )}
  </p>
);

/** Counts of what a diff inserted and deleted, in words (`3 words inserted, 1 deleted`). */
function diffSummary(changes: readonly DiffPart[]): string {
  const words = (op: DiffPart['op']) => changes.filter((p) => p.op === op).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  const inserted = words('insert');
  const deleted = words('delete');
  if (inserted === 0 && deleted === 0) return 'Only spacing or line breaks changed.';
  const parts = [...(inserted ? [`${inserted} ${inserted === 1 ? 'word' : 'words'} inserted`] : []), ...(deleted ? [`${deleted} ${deleted === 1 ? 'word' : 'words'} deleted`] : [])];
  return `${parts.join(', ')}.`;
}

/** Where a reviewer meets a changed section: what changed since the review, inline, with a link to every revision. */
export const ChangesSinceReview: FC<{ ctx: PageContext; cycle: string; country: string; section: string; changes: SectionChanges; headingLevel: 3 | 4 | 5 }> = ({
  ctx,
  cycle,
  country,
  section,
  changes,
  headingLevel,
}) => {
  const Heading = `h${headingLevel}` as 'h3';
  const id = `changes-${section.replace(/\./g, '-').toLowerCase()}`;
  return (
    <section class="changes" aria-labelledby={id}>
      <Heading id={id}>Changed since the review</Heading>
      <p class="muted">
        Version {changes.from} (reviewed) → version {changes.to} (now). {diffSummary(changes.changes)} Inserted words are underlined, deleted words struck through.
      </p>
      <InlineDiff changes={changes.changes} />
      <p>
        <a href={ctx.href(revisionsPath(cycle, country, section))}>Every revision of section {section}</a>
      </p>
    </section>
  );
};

const STATUS_WHEN_WRITTEN: Record<string, string> = { draft: 'draft', returned: 'revised after a return', submitted: 'submitted', approved: 'approved' };

interface RevisionsPageProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  section: Section;
  revisions: RevisionSummary[];
  files: FileActivity[];
  /** The version the last sent decision was made on, if any. */
  reviewedVersion?: number | undefined;
}

/** Every revision of a section and its attachment activity, newest first, each revision opening its text and diff. */
export const RevisionsPage: FC<RevisionsPageProps> = ({ ctx, info, participant, section, revisions, files, reviewedVersion }) => {
  const reportTitle = `${participant.name}: ${info.cycle.id} report`;
  const title = `Revisions of section ${section.id}`;
  type Entry = { at: string; revision: RevisionSummary; file?: undefined } | { at: string; file: FileActivity; revision?: undefined };
  const entries: Entry[] = [...revisions.map((revision) => ({ at: revision.at, revision })), ...files.map((file) => ({ at: file.at, file }))].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Layout ctx={ctx} title={`${title} – ${reportTitle}`}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: reportTitle, href: ctx.href(reportPath(info.cycle.id, participant.code)) },
          { label: `Section ${section.id}`, href: ctx.href(sectionPath(info.cycle.id, participant.code, section.id)) },
          { label: 'Revisions' },
        ]}
      />
      <h1>{title}</h1>
      <p class="lead">{section.prompt}</p>
      {entries.length === 0 ? (
        <p>Nobody has saved an answer in this section yet.</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="revisions-caption" tabindex={0}>
          <table class="data">
            <caption id="revisions-caption">
              Saved answers and attachments, newest first ({revisions.length} {revisions.length === 1 ? 'revision' : 'revisions'})
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) =>
                entry.revision ? (
                  <tr>
                    <td>
                      <Time iso={entry.at} />
                    </td>
                    <td>{entry.revision.by.name}</td>
                    <td>
                      <a href={ctx.href(revisionPath(info.cycle.id, participant.code, section.id, entry.revision.version))}>Version {entry.revision.version}</a>
                      <span class="muted"> – saved while {STATUS_WHEN_WRITTEN[entry.revision.status] ?? entry.revision.status}</span>
                      {entry.revision.version === reviewedVersion ? <span class="tag">Reviewed</span> : null}
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <td>
                      <Time iso={entry.at} />
                    </td>
                    <td>{entry.file.by.name}</td>
                    <td>
                      {entry.file.action === 'added' ? 'Attached' : 'Removed the attachment'} “{entry.file.filename}”
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

/** One revision: its text as saved, and what it changed from the revision before it. */
export const RevisionPage: FC<{ ctx: PageContext; info: CycleInfo; participant: Participant; section: Section; revision: Revision; previous?: { version: number; changes: DiffPart[] } | undefined }> = ({
  ctx,
  info,
  participant,
  section,
  revision,
  previous,
}) => {
  const reportTitle = `${participant.name}: ${info.cycle.id} report`;
  const title = `Section ${section.id}, version ${revision.version}`;
  return (
    <Layout ctx={ctx} title={`${title} – ${reportTitle}`}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: reportTitle, href: ctx.href(reportPath(info.cycle.id, participant.code)) },
          { label: 'Revisions', href: ctx.href(revisionsPath(info.cycle.id, participant.code, section.id)) },
          { label: `Version ${revision.version}` },
        ]}
      />
      <h1>{title}</h1>
      <dl class="meta-list">
        <dt>Saved</dt>
        <dd>
          <Time iso={revision.at} /> by {revision.by.name}
        </dd>
        <dt>Section status then</dt>
        <dd>
          <StatusBadge status={revision.status} />
        </dd>
      </dl>
      <h2>Answer as saved</h2>
      {revision.nothingToReport ? <p class="nothing">Nothing to report.</p> : revision.text.trim() ? <pre class="revision-text">{revision.text}</pre> : <p class="nothing">No answer.</p>}
      {previous ? (
        <section aria-labelledby="previous-heading">
          <h2 id="previous-heading">Changes from version {previous.version}</h2>
          <p class="muted">{diffSummary(previous.changes)} Inserted words are underlined, deleted words struck through.</p>
          <InlineDiff changes={previous.changes} />
        </section>
      ) : (
        <p class="muted">This is the first saved answer of the section.</p>
      )}
    </Layout>
  );
};
