/**
 * The compilation of a cycle's commitments: per goal and country, what the country announced in the
 * previous cycle (question C) beside what it reports now (question A), in Markdown and as one
 * printable HTML page, like the cycle compilation.
 */
import type { CycleInfo } from '../form';
import type { SectionAnswer } from './answers';
import { anchorId, answerHtml, answerMarkdown, escapeHtml, formTitle, htmlPage, type HtmlOptions } from './render';

/** One country's commitments, goal by goal; a side is absent when it is not shown (no such report, or not readable). */
export interface CountryCommitments {
  country: string;
  countryName: string;
  goals: Array<{ goal: string; announced?: SectionAnswer; reported?: SectionAnswer }>;
}

export function commitmentsSubtitle(info: CycleInfo, previous: CycleInfo | undefined): string {
  return previous
    ? `Commitments followed up: what each country announced in its ${previous.cycle.id} report (question C) and what it reports in ${info.cycle.id} (question A)`
    : `Commitments followed up: the ${info.cycle.id} cycle follows no earlier cycle on this platform`;
}

function byName(reports: readonly CountryCommitments[]): CountryCommitments[] {
  return [...reports].sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'));
}

const ABSENT = 'Not shown: there is no such report, or it is not published yet.';

export function renderCommitmentsMarkdown(info: CycleInfo, previous: CycleInfo | undefined, reports: readonly CountryCommitments[]): string {
  const sorted = byName(reports);
  const side = (label: string, answer: SectionAnswer | undefined) => `**${label}**\n\n${answer ? answerMarkdown(answer) : `_${ABSENT}_`}`;
  const body = info.cycle.form.targets.flatMap((target) => [
    `## Policy Target No. ${target.number}`,
    target.title,
    ...target.goals.flatMap((goal) => [
      `### Operational Goal ${goal.id}: ${goal.title}`,
      ...(sorted.length === 0 ? ['_No country reports._'] : []),
      ...sorted.flatMap((report) => {
        const entry = report.goals.find((g) => g.goal === goal.id);
        return [
          `#### <a id="${anchorId(report.country, goal.id)}"></a>${report.countryName}`,
          ...(previous ? [side(`Announced in the ${previous.cycle.id} report (C)`, entry?.announced)] : []),
          side(`Reported in ${info.cycle.id} (A)`, entry?.reported),
        ];
      }),
    ]),
  ]);
  return `# ${formTitle(info)}\n\n${commitmentsSubtitle(info, previous)}\n\n${body.join('\n\n')}\n`;
}

export function renderCommitmentsHtml(info: CycleInfo, previous: CycleInfo | undefined, reports: readonly CountryCommitments[], options: HtmlOptions = {}): string {
  const sorted = byName(reports);
  const side = (label: string, answer: SectionAnswer | undefined) =>
    `<div class="side"><p class="attachments-label">${escapeHtml(label)}</p>${answer ? answerHtml(answer) : `<p class="nothing-to-report">${escapeHtml(ABSENT)}</p>`}</div>`;
  const targets = info.cycle.form.targets.map((target) => {
    const goals = target.goals.map((goal) => {
      const goalId = anchorId('goal', goal.id);
      const countries = sorted.map((report) => {
        const id = anchorId(report.country, goal.id);
        const entry = report.goals.find((g) => g.goal === goal.id);
        return [
          `<article class="country-answer" aria-labelledby="${id}">`,
          `<h4 id="${id}">${escapeHtml(report.countryName)}</h4>`,
          ...(previous ? [side(`Announced in the ${previous.cycle.id} report (C)`, entry?.announced)] : []),
          side(`Reported in ${info.cycle.id} (A)`, entry?.reported),
          '</article>',
        ].join('\n');
      });
      return [
        `<section class="goal" aria-labelledby="${goalId}">`,
        `<h3 id="${goalId}"><span class="label">Operational Goal ${escapeHtml(goal.id)}:</span> ${escapeHtml(goal.title)}</h3>`,
        ...(countries.length ? countries : ['<p>No country reports.</p>']),
        '</section>',
      ].join('\n');
    });
    const targetId = anchorId('target', String(target.number));
    return [`<section class="target" aria-labelledby="${targetId}">`, `<h2 id="${targetId}">Policy Target No. ${target.number}</h2>`, `<p class="target-title">${escapeHtml(target.title)}</p>`, ...goals, '</section>'].join('\n');
  });
  const title = formTitle(info);
  const body = ['<header>', `<h1>${escapeHtml(title)}</h1>`, `<p class="subtitle">${escapeHtml(commitmentsSubtitle(info, previous))}</p>`, '</header>', ...targets].join('\n');
  return htmlPage({ title: `${title}: commitments`, body, lang: options.lang });
}
