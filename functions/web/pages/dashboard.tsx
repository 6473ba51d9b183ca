/**
 * The reviewer's cycle dashboard: the deadline, counts per status, a filter by report status
 * (query string, works without script) and the matrix of countries × sections (21 columns fit at
 * 1280 px; a narrower screen scrolls it in its own labelled region with the country column sticky),
 * each cell a link to the section named by country, section and status.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo } from '../../../shared/form';
import { participantOf } from '../../../shared/form';
import type { ReportSummary } from '../../../shared/store/report-store';
import { REPORT_STATUSES, SECTION_STATUSES, type ReportStatus } from '../../../shared/workflow';
import { Breadcrumbs, Layout, STATUS_LABEL, STATUS_SYMBOL, StatusBadge, Time, type PageContext } from '../layout';
import { reportPath, sectionAnchor, sectionPath } from '../paths';
import { CycleStatusNotice, DeadlineFacts, DeadlineMark } from './deadlines';

export interface DashboardProps {
  ctx: PageContext;
  info: CycleInfo;
  /** Every participant's summary (the counts); the matrix shows those matching `filter`. */
  all: ReportSummary[];
  filter: ReportStatus | undefined;
}

/** Marks a section resubmitted with a changed answer since its last review. */
const CHANGED_SYMBOL = 'Δ';

/** Sections resubmitted with a changed answer, still waiting for a decision. */
const changedCount = (r: ReportSummary) => r.changedSections.filter((id) => r.sectionStatuses[id] === 'submitted').length;

export const DashboardPage: FC<DashboardProps> = ({ ctx, info, all, filter }) => {
  const shown = filter ? all.filter((r) => r.status === filter) : all;
  const reportCounts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])) as Record<ReportStatus, number>;
  const sectionCounts = Object.fromEntries(SECTION_STATUSES.map((s) => [s, all.reduce((n, r) => n + Object.values(r.sectionStatuses).filter((v) => v === s).length, 0)]));
  const title = `${info.cycle.id} reporting cycle`;
  const deadlinePassed = new Date(info.cycle.deadline).getTime() < Date.now();
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: title }]} />
      <h1>{title}: dashboard</h1>
      <dl class="meta-list">
        <dt>Reviews in progress</dt>
        <dd>{all.filter((r) => r.reviewsInProgress?.length).length === 0 ? 'None' : all.filter((r) => r.reviewsInProgress?.length).map((r) => participantOf(info.cycle, r.country)?.name ?? r.country).join(', ')}</dd>
        <dt>Deadline</dt>
        <dd>
          <Time iso={info.cycle.deadline} date /> {deadlinePassed ? '(passed)' : ''}
        </dd>
        <dt>Participants</dt>
        <dd>{all.length}</dd>
      </dl>
      <CycleStatusNotice cycle={info.cycle} />
      <DeadlineFacts ctx={ctx} info={info} all={all} now={new Date()} />
      <section aria-labelledby="counts-heading" class="panel">
        <h2 id="counts-heading">Reports by status</h2>
        <ul class="counts">
          {REPORT_STATUSES.map((s) => (
            <li>
              <StatusBadge status={s} />: <strong>{reportCounts[s]}</strong>
            </li>
          ))}
        </ul>
        <h3>Sections by status (all reports)</h3>
        <ul class="counts">
          {SECTION_STATUSES.map((s) => (
            <li>
              <StatusBadge status={s} />: <strong>{sectionCounts[s]}</strong>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" action={ctx.href(`/reports/${info.cycle.id}`)} class="filters" role="search" aria-label="Filter reports">
        <div class="field">
          <label for="status-filter">Show reports</label>
          <select id="status-filter" name="status">
            <option value="" selected={!filter}>
              All statuses ({all.length})
            </option>
            {REPORT_STATUSES.map((s) => (
              <option value={s} selected={filter === s}>
                {STATUS_LABEL[s]} ({reportCounts[s]})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          Apply filter
        </button>
        {filter ? <a href={ctx.href(`/reports/${info.cycle.id}`)}>Clear the filter</a> : null}
      </form>
      <h2 id="matrix-heading">Sections of each report</h2>
      <p class="muted">Each cell is one section; its symbol and colour give its status.</p>
      <ul class="legend" aria-label="Legend">
        {SECTION_STATUSES.map((s) => (
          <li>
            <span class={`status status-${s}`}>
              <span aria-hidden="true">{STATUS_SYMBOL[s]}</span> {STATUS_LABEL[s]}
            </span>
          </li>
        ))}
        <li>
          <span class="changed-mark" aria-hidden="true">
            {CHANGED_SYMBOL}
          </span>{' '}
          Changed since the review
        </li>
      </ul>
      {shown.length === 0 ? (
        <p>No report is {filter ? STATUS_LABEL[filter].toLowerCase() : 'there'}.</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabindex={0}>
          <table class="data matrix">
            <caption id="matrix-caption">
              Section status by country, {info.cycle.id}
              {filter ? ` (reports ${STATUS_LABEL[filter].toLowerCase()})` : ''}: {shown.length} {shown.length === 1 ? 'country' : 'countries'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Report</th>
                {info.sectionIds.map((id) => (
                  <th scope="col">{id}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const name = participantOf(info.cycle, r.country)?.name ?? r.country;
                return (
                  <tr>
                    <th scope="row">
                      <a href={ctx.href(reportPath(info.cycle.id, r.country))}>{name}</a> <DeadlineMark cycle={info.cycle} summary={r} now={new Date()} />
                      {changedCount(r) > 0 ? <span class="in-progress">{changedCount(r) === 1 ? '1 section changed since your review' : `${changedCount(r)} sections changed since your review`}</span> : null}
                      {r.reviewsInProgress?.length ? (
                        <span class="in-progress">Review in progress: {r.reviewsInProgress.map((p) => p.reviewer.name).join(', ')}</span>
                      ) : null}
                    </th>
                    <td class={`status-${r.status}`}>
                      <StatusBadge status={r.status} />
                    </td>
                    {info.sectionIds.map((id) => {
                      const s = r.sectionStatuses[id] ?? 'draft';
                      const changed = s === 'submitted' && r.changedSections.includes(id);
                      return (
                        <td class={`status-${s}`} data-section={sectionAnchor(id)}>
                          {/* A link to the section, named for what it is: "Albania 1.1.B: submitted, changed since the review". */}
                          <a class="cell-link" href={ctx.href(sectionPath(info.cycle.id, r.country, id))}>
                            <span aria-hidden="true">{STATUS_SYMBOL[s]}</span>
                            <span class="visually-hidden">
                              {name} {id}: {STATUS_LABEL[s].toLowerCase()}
                            </span>
                            {changed ? (
                              <>
                                <span class="changed-mark" aria-hidden="true">
                                  {CHANGED_SYMBOL}
                                </span>
                                <span class="visually-hidden">, changed since the review</span>
                              </>
                            ) : null}
                          </a>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
