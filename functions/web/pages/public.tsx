/**
 * Public pages: the published reports of a cycle and one published report, readable without signing
 * in. What they show is always a publication: the latest one (also while the country corrects its
 * report, with a notice saying so), or an earlier one, each listed with its number and date.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import { participantOf } from '../../../shared/form';
import { formOutline } from '../../../shared/documents/answers';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { Attachment } from '../../../shared/store/attachment-items';
import type { PublicationHeader } from '../../../shared/store/items';
import type { ReportSummary } from '../../../shared/store/report-store';
import type { PublicationInfo } from '../../../shared/usecases/publications';
import type { ReportState } from '../../../shared/workflow';
import { Breadcrumbs, Layout, Notice, RawHtml, Time, type PageContext } from '../layout';
import { publicReportPath, publicationPath, sectionAnchor } from '../paths';
import { QuestionLink } from './commitments';
import { formatSize } from './report';

export const PublicListPage: FC<{ ctx: PageContext; info: CycleInfo; published: ReportSummary[] }> = ({ ctx, info, published }) => {
  const title = `Published reports, ${info.cycle.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: title }]} />
      <h1>{title}</h1>
      <p class="lead">{info.cycle.form.title}</p>
      {published.length === 0 ? (
        <p>No report of the {info.cycle.id} cycle has been published yet.</p>
      ) : (
        <ul class="sections">
          {published.map((r) => {
            const name = participantOf(info.cycle, r.country)?.name ?? r.country;
            const path = publicReportPath(info.cycle.id, r.country);
            return (
              <li>
                <a class="section-link" href={ctx.href(path)}>
                  {name}
                </a>
                <span class="section-facts">
                  <span>
                    Publication {r.publications}
                    {r.publishedAt ? (
                      <>
                        {' '}
                        of <Time iso={r.publishedAt} date />
                      </>
                    ) : null}
                  </span>
                  {r.status !== 'published' ? <span class="tag">Correction in progress</span> : null}
                  <a href={ctx.href(`${path}/export.html`)}>
                    HTML<span class="visually-hidden"> export of the report of {name}</span>
                  </a>
                  <a href={ctx.href(`${path}/export.md`)}>
                    Markdown<span class="visually-hidden"> export of the report of {name}</span>
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
};

export interface PublicReportProps {
  ctx: PageContext;
  info: CycleInfo;
  participant: Participant;
  report: ReportState;
  attachments: ReadonlyMap<string, Attachment[]>;
  /** Which publication this is, and whether a correction is under way. */
  publication?: PublicationInfo | undefined;
  /** Every publication of the report, oldest first. */
  publications: PublicationHeader[];
}

export const PublicReportPage: FC<PublicReportProps> = ({ ctx, info, participant, report, attachments, publication, publications }) => {
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const path = publicReportPath(info.cycle.id, participant.code);
  const latest = publications.at(-1)?.number;
  const isLatest = !publication || publication.number === latest;
  // Files of an earlier publication are listed by name: the downloads serve the latest publication's.
  const fileLinks = isLatest;
  return (
    <Layout ctx={ctx} title={`${participant.name} – ${info.cycle.id} report${isLatest ? '' : `, publication ${publication!.number}`}`}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: `Published reports, ${info.cycle.id}`, href: ctx.href(`/public/${info.cycle.id}`) },
          ...(isLatest ? [{ label: participant.name }] : [{ label: participant.name, href: ctx.href(path) }, { label: `Publication ${publication!.number}` }]),
        ]}
      />
      <h1>
        {participant.name}: {info.cycle.id} report
      </h1>
      <p class="lead">{info.cycle.form.title}</p>
      {publication ? (
        <p class="edition">
          Publication {publication.number} of <Time iso={publication.at} date />
          {isLatest ? (publications.length > 1 ? ` (the latest of ${publications.length})` : '') : ' (an earlier publication)'}
        </p>
      ) : null}
      {!isLatest ? (
        <Notice kind="warning" title="This is not the latest publication">
          <p>
            The report was published again since. <a href={ctx.href(path)}>Read the latest publication ({latest})</a>.
          </p>
        </Notice>
      ) : publication?.correctionInProgress ? (
        <Notice kind="info" title="A correction is in progress">
          <p>
            {participant.name} is correcting this report. This page shows publication {publication.number} until the corrected report is published as publication {publication.number + 1}.
          </p>
        </Notice>
      ) : null}
      {isLatest ? (
        <p>
          Download: <a href={ctx.href(`${path}/export.html`)}>printable HTML</a> · <a href={ctx.href(`${path}/export.md`)}>Markdown</a>
        </p>
      ) : null}
      {publications.length > 1 ? (
        <section aria-labelledby="publications-heading">
          <h2 id="publications-heading">Every publication of this report</h2>
          <ol class="publications">
            {publications.map((p) => (
              <li>
                {p.number === publication?.number ? (
                  <span aria-current="page">
                    Publication {p.number} of <Time iso={p.at} date /> (shown)
                  </span>
                ) : (
                  <a href={ctx.href(p.number === latest ? path : publicationPath(info.cycle.id, participant.code, p.number))}>
                    Publication {p.number} of <Time iso={p.at} date />
                  </a>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div class="report-body">
        {formOutline(info).map(({ target, goals }) => (
          <section aria-labelledby={`target-${target.number}`}>
            <h2 id={`target-${target.number}`}>Policy Target No. {target.number}</h2>
            <p>
              <strong>{target.title}</strong>
            </p>
            {goals.map(({ goal, questions }) => (
              <section aria-labelledby={`goal-${goal.id.replace('.', '-')}`}>
                <h3 id={`goal-${goal.id.replace('.', '-')}`} class="goal-title">
                  <span class="label">Operational Goal {goal.id}:</span> {goal.title}
                </h3>
                {questions.map(({ section, key }) => {
                  const state = byId.get(section.id)!;
                  const files = attachments.get(section.id) ?? [];
                  return (
                    <section id={sectionAnchor(section.id)} aria-labelledby={`${sectionAnchor(section.id)}-q`}>
                      <h4 id={`${sectionAnchor(section.id)}-q`}>
                        {key}) {goal.prompts[key]}
                      </h4>
                      {state.nothingToReport || !state.text.trim() ? <p class="nothing">Nothing to report.</p> : <RawHtml class="answer" html={answerToHtml(state.text)} />}
                      <QuestionLink ctx={ctx} cycle={info.cycle.id} section={section.id} />
                      {files.length > 0 ? (
                        <ul class="attachments-list" aria-label={`Attachments of ${section.id}`}>
                          {files.map((f) => (
                            <li>
                              {fileLinks ? <a href={ctx.href(`${path}/sections/${section.id}/attachments/${f.id}`)}>{f.filename}</a> : f.filename} <span class="muted">({formatSize(f.size)})</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </section>
                  );
                })}
              </section>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  );
};
