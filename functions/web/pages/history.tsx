/** The history of a report: its audit events, oldest first, with actor, time, action and comment. */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Participant } from '../../../shared/form';
import type { AuditEvent } from '../../../shared/store/report-store';
import { TRANSITIONS } from '../../../shared/workflow';
import { Breadcrumbs, Layout, StatusBadge, Time, type PageContext } from '../layout';
import { reportPath } from '../paths';

const ACTION_LABEL: Partial<Record<AuditEvent['action'], string>> = {
  saveSection: 'Saved a section',
  submitReport: 'Submitted the report',
  approveSection: 'Approved a section',
  returnSection: 'Returned a section',
  approveReport: 'Approved the report',
  publishReport: 'Published the report',
  importReport: 'Imported a document',
};

export const HistoryPage: FC<{ ctx: PageContext; info: CycleInfo; participant: Participant; events: AuditEvent[] }> = ({ ctx, info, participant, events }) => {
  const reportTitle = `${participant.name}: ${info.cycle.id} report`;
  return (
    <Layout ctx={ctx} title={`History – ${reportTitle}`}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: reportTitle, href: ctx.href(reportPath(info.cycle.id, participant.code)) }, { label: 'History' }]} />
      <h1>History of the {participant.name} report</h1>
      {events.length === 0 ? (
        <p>Nothing has happened to this report yet: saved drafts appear here once the report is submitted.</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex={0}>
          <table class="data">
            <caption id="history-caption">Events, oldest first ({events.length})</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Report status</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>
                    <Time iso={e.at} />
                  </td>
                  <td>{e.actor.name}</td>
                  <td>
                    <span title={TRANSITIONS[e.action].summary}>{ACTION_LABEL[e.action] ?? TRANSITIONS[e.action].summary}</span>
                    {e.section ? ` ${e.section}` : ''}
                    {e.detail ? <span class="muted"> ({e.detail})</span> : null}
                  </td>
                  <td>
                    {e.reportStatus.from === e.reportStatus.to ? (
                      <StatusBadge status={e.reportStatus.to} />
                    ) : (
                      <>
                        <StatusBadge status={e.reportStatus.from} prefix="from" /> → <StatusBadge status={e.reportStatus.to} prefix="to" />
                      </>
                    )}
                  </td>
                  <td>{e.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
