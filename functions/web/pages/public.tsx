/** Public pages: the published reports of a cycle and one published report, readable without signing in. */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import { participantOf } from '../../../shared/form';
import { formOutline } from '../../../shared/documents/answers';
import { answerToHtml } from '../../../shared/documents/markdown';
import type { Attachment } from '../../../shared/store/attachment-items';
import type { ReportSummary } from '../../../shared/store/report-store';
import type { ReportState } from '../../../shared/workflow';
import { Breadcrumbs, Layout, RawHtml, Time, type PageContext } from '../layout';
import { publicReportPath, sectionAnchor } from '../paths';
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
                  {r.updatedAt ? (
                    <span>
                      Published <Time iso={r.updatedAt} date />
                    </span>
                  ) : null}
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

export const PublicReportPage: FC<{ ctx: PageContext; info: CycleInfo; participant: Participant; report: ReportState; attachments: ReadonlyMap<string, Attachment[]> }> = ({
  ctx,
  info,
  participant,
  report,
  attachments,
}) => {
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const path = publicReportPath(info.cycle.id, participant.code);
  return (
    <Layout ctx={ctx} title={`${participant.name} – ${info.cycle.id} report`}>
      <Breadcrumbs
        items={[
          { label: 'Home', href: ctx.href('/') },
          { label: `Published reports, ${info.cycle.id}`, href: ctx.href(`/public/${info.cycle.id}`) },
          { label: participant.name },
        ]}
      />
      <h1>
        {participant.name}: {info.cycle.id} report
      </h1>
      <p class="lead">{info.cycle.form.title}</p>
      <p>
        Download: <a href={ctx.href(`${path}/export.html`)}>printable HTML</a> · <a href={ctx.href(`${path}/export.md`)}>Markdown</a>
      </p>
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
                              <a href={ctx.href(`${path}/sections/${section.id}/attachments/${f.id}`)}>{f.filename}</a> <span class="muted">({formatSize(f.size)})</span>
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
