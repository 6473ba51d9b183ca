/**
 * Reads a published reporting form (the plain-text layout of `../shared/seeds/`) into the cycle's
 * section answers as normalized Markdown. Pure: every non-blank input line is accounted for.
 */
import { QUESTION_KEYS, type CycleInfo, type Goal, type QuestionKey, type Target } from '../form';
import type { SectionAnswer } from './answers';

/** One section's answer as read from a document. */
export interface ParsedAnswer {
  /** Normalized Markdown: `- ` bullets, `N. ` numbered items, paragraphs separated by a blank line. */
  text: string;
  /** The answer was empty, `/` or `--`; `text` is then `''` (false with `''`: `No answer yet.`, an unanswered section). */
  nothingToReport: boolean;
  /** File names from `Attachment: <name>` lines (written by `renderMarkdown`). */
  attachments: string[];
}

/** What a non-blank input line was read as. */
export type LineKind = 'title' | 'country' | 'edition' | 'target' | 'target-title' | 'goal' | 'prompt' | 'answer' | 'attachment' | 'unplaced';

/** Where one non-blank input line went (1-based line numbers). */
export interface LinePlacement {
  line: number;
  kind: LineKind;
  /** For `prompt`, `answer` and `attachment` lines: the section they belong to. */
  section?: string;
}

/** A non-blank line the parser could not attribute to any section or heading. */
export interface UnplacedLine {
  line: number;
  /** The line as it stands in the input, trimmed. */
  text: string;
  reason: string;
}

/** A heading that does not agree with the cycle's form (missing, extra, out of order, reworded). */
export interface ParseProblem {
  line?: number;
  message: string;
}

/** The result of {@link parseReportingForm}. */
export interface ParsedReportingForm {
  /** The title line without markup, e.g. `Global Alliance … – 2014 Reporting Form`. */
  title?: string;
  /** The year in the title. */
  year?: number;
  /** The country line as written (`MONTENEGRO`). */
  countryLine?: string;
  /** ISO code of the participant named by the country line (case-insensitive), e.g. `ME`. */
  country?: string;
  /** The `Edition: …` line an export writes (publication number and date, or not published), without its label. */
  edition?: string;
  /** Answers of the sections found in the document, in document order; missing ones are problems. */
  answers: Map<string, ParsedAnswer>;
  unplaced: UnplacedLine[];
  problems: ParseProblem[];
  /** One entry per non-blank input line, in input order: the proof that nothing was dropped. */
  lines: LinePlacement[];
}

const TARGET_RE = /^policy\s+target\s+no\.?\s*(\d+)\s*[.:]?\s*(.*)$/i;
// The goal may carry its number ("Operational Goal 1.1:"), but a colon is required, so that an
// answer sentence starting with "Operational goals …" is not taken for a heading.
const GOAL_RE = /^operational\s+goal(?:\s+(?:no\.?\s*)?\d+(?:\.\d+)?)?\s*:\s*(.*)$/i;
const PROMPT_RE = /^([A-C])\)\s*(.*)$/;
const BULLET_RE = /^[-*+•◦▪●·–]\s+(.*)$/;
const ORDERED_RE = /^(\d{1,3})[.)]\s+(.*)$/;
const ATTACHMENT_RE = /^attachment:\s+(\S.*)$/i;
const EDITION_RE = /^edition:\s+(\S.*)$/i;
/** What an export writes for a section nobody answered (`UNANSWERED_MARK`): read back as an empty answer, not nothing-to-report. */
const UNANSWERED_MARKER = 'no answer yet.';
/** Whole-answer markers for "nothing to report" used in the published forms. */
const NOTHING_MARKERS = new Set(['/', '--', '-', '–', '—']);
/** Word-overlap above which an `A)`/`B)`/`C)` line is a reworded prompt rather than answer text. */
const PROMPT_SIMILARITY = 0.6;

/**
 * Parse a reporting form in the published text layout: title, country line, `Policy Target No. N`
 * and its title, `Operational Goal: …`, then `A)`/`B)`/`C)` prompts each followed by the answer.
 * Headings are checked against `info`'s form; disagreements are reported in `problems`, never thrown.
 */
export function parseReportingForm(text: string, info: CycleInfo): ParsedReportingForm {
  return new FormParser(text, info).run();
}

/** The form's sections in form order with the parsed answers; sections not in the document are empty drafts. */
export function toSectionAnswers(info: CycleInfo, answers: ReadonlyMap<string, ParsedAnswer>): SectionAnswer[] {
  return info.sectionIds.map((id) => {
    const answer = answers.get(id);
    if (!answer) return { id, text: '', nothingToReport: false };
    return {
      id,
      text: answer.text,
      nothingToReport: answer.nothingToReport,
      ...(answer.attachments.length > 0 ? { attachments: answer.attachments.map((filename) => ({ filename })) } : {}),
    };
  });
}

type Region =
  | { kind: 'preamble' }
  /** After `Policy Target No. N`; `target` undefined when the form has no such target. */
  | { kind: 'target'; target: Target | undefined; number: number; titleSeen: boolean }
  /** After `Operational Goal:`, before its first prompt; `goal` undefined for a goal the form lacks. */
  | { kind: 'goal'; goal: Goal | undefined }
  /** After a prompt; `builder` undefined when the prompt could not be attributed (then `reason`). */
  | { kind: 'answer'; section: string | undefined; builder: AnswerBuilder | undefined; reason: string };

class FormParser {
  private readonly raw: string[];
  private readonly cleaned: string[];
  private readonly result: ParsedReportingForm = { answers: new Map(), unplaced: [], problems: [], lines: [] };
  private readonly builders = new Map<string, AnswerBuilder>();
  private readonly seenTargets = new Set<number>();
  private readonly seenGoals = new Set<string>();
  private region: Region = { kind: 'preamble' };
  /** The form's target the current lines belong to (undefined before the first or under an unknown one). */
  private target: Target | undefined;
  private goal: Goal | undefined;

  constructor(
    text: string,
    private readonly info: CycleInfo,
  ) {
    this.raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    this.cleaned = this.raw.map(cleanLine);
  }

  run(): ParsedReportingForm {
    let afterBlank = false;
    for (let i = 0; i < this.raw.length; i++) {
      if ((this.raw[i] ?? '').trim() === '') {
        afterBlank = true;
        continue;
      }
      i = this.line(i, afterBlank);
      afterBlank = false;
    }
    for (const [id, builder] of this.builders) this.result.answers.set(id, builder.finish());
    this.reportMissing();
    return this.result;
  }

  /** Handle the non-blank line at index `i`; returns the index of the last line consumed. */
  private line(i: number, afterBlank: boolean): number {
    const line = this.cleaned[i] ?? '';
    const n = i + 1;
    const target = TARGET_RE.exec(line);
    if (target) return this.startTarget(i, Number(target[1]), target[2] ?? '');
    const goal = GOAL_RE.exec(line);
    if (goal) return this.startGoal(i, goal[1] ?? '');
    const prompt = this.matchPrompt(line);
    if (prompt) {
      this.startQuestion(i, prompt.key, prompt.text);
      return i;
    }
    const region = this.region;
    switch (region.kind) {
      case 'preamble':
        this.preambleLine(i, line);
        return i;
      case 'target':
        if (!region.target) this.unplace(i, `under Policy Target No. ${region.number}, which the form does not have`);
        else if (!region.titleSeen && line !== '') return this.targetTitle(i, line, region);
        else this.unplace(i, `between the title of Policy Target No. ${region.number} and its first operational goal`);
        return i;
      case 'goal':
        this.unplace(i, region.goal ? `between operational goal ${region.goal.id} and its first question` : 'under an operational goal the form does not have');
        return i;
      case 'answer':
        if (!region.builder) {
          this.unplace(i, region.reason);
        } else if (region.builder.add(line, afterBlank) === 'attachment') {
          this.place(n, 'attachment', region.section);
        } else {
          this.place(n, 'answer', region.section);
        }
        return i;
    }
  }

  private preambleLine(i: number, line: string): void {
    const n = i + 1;
    const plain = stripMarkup(line).replace(/^#+\s*/, '');
    if (this.result.title === undefined && /reporting\s+form/i.test(plain)) {
      this.result.title = plain;
      const year = /\b(\d{4})\b/.exec(plain)?.[1];
      if (year !== undefined) this.result.year = Number(year);
      if (this.result.year !== this.info.cycle.year) {
        this.problem(n, `The title names ${year ?? 'no year'}, but cycle ${this.info.cycle.id} is the ${this.info.cycle.year} form`);
      }
      this.place(n, 'title');
      return;
    }
    const edition = EDITION_RE.exec(plain);
    if (edition?.[1] && this.result.edition === undefined) {
      this.result.edition = edition[1].trim();
      this.place(n, 'edition');
      return;
    }
    if (this.result.countryLine === undefined) {
      const participant = this.info.cycle.participants.find((p) => normalizeForMatch(p.name) === normalizeForMatch(plain));
      if (participant) {
        this.result.countryLine = plain;
        this.result.country = participant.code;
        this.place(n, 'country');
        return;
      }
      // An all-capitals line is where the country belongs: keep it as the country line, but say why no code.
      if (/^[\p{Lu}\p{M}\s'’().,-]+$/u.test(plain) && /\p{Lu}/u.test(plain) && plain.length <= 60) {
        this.result.countryLine = plain;
        this.problem(n, `"${plain}" is not a participant of cycle ${this.info.cycle.id}`);
        this.place(n, 'country');
        return;
      }
    }
    this.unplace(i, 'before the first policy target, and neither the title nor the country');
  }

  private startTarget(i: number, number: number, rest: string): number {
    const n = i + 1;
    this.place(n, 'target');
    this.goal = undefined;
    const target = this.info.cycle.form.targets.find((t) => t.number === number);
    const unknown = (message: string): number => {
      this.problem(n, message);
      this.target = undefined;
      this.region = { kind: 'target', target: undefined, number, titleSeen: true };
      return i;
    };
    if (!target) return unknown(`Policy Target No. ${number} is not in the ${this.info.cycle.id} form`);
    if (this.seenTargets.has(number)) return unknown(`Policy Target No. ${number} appears more than once`);
    const last = Math.max(0, ...this.seenTargets);
    if (last > number) this.problem(n, `Policy Target No. ${number} is out of order: it comes after Policy Target No. ${last}`);
    this.seenTargets.add(number);
    this.target = target;
    const region: Region = { kind: 'target', target, number, titleSeen: false };
    this.region = region;
    return rest === '' ? i : this.targetTitle(i, rest, region);
  }

  private targetTitle(i: number, first: string, region: Extract<Region, { kind: 'target' }>): number {
    const { text, used } = this.readContinued(i, first, region.target?.title);
    // The title may share the heading's line, which is already placed as the heading.
    const own = TARGET_RE.test(this.cleaned[i] ?? '') ? used : [i, ...used];
    for (const k of own) this.place(k + 1, 'target-title');
    region.titleSeen = true;
    if (region.target && normalizeForMatch(text) !== normalizeForMatch(region.target.title)) {
      this.problem(i + 1, `The title of Policy Target No. ${region.number} does not match the form: expected "${region.target.title}", found "${stripMarkup(text)}"`);
    }
    return Math.max(i, ...used);
  }

  private startGoal(i: number, rest: string): number {
    const n = i + 1;
    const target = this.target;
    const region = this.region;
    const unseen = target?.goals.filter((g) => !this.seenGoals.has(g.id)) ?? [];
    const { text, used } = this.readContinued(i, rest, unseen[0]?.title);
    this.place(n, 'goal');
    for (const k of used) this.place(k + 1, 'goal');
    const last = Math.max(i, ...used);
    this.goal = undefined;
    this.region = { kind: 'goal', goal: undefined };
    if (!target) {
      this.problem(n, `Operational goal "${stripMarkup(text)}" is outside any policy target of the form`);
      return last;
    }
    if (region.kind === 'target' && !region.titleSeen) this.problem(n, `Policy Target No. ${target.number} has no title`);
    const matched = target.goals.find((g) => normalizeForMatch(g.title) === normalizeForMatch(text));
    let goal: Goal | undefined;
    if (matched && this.seenGoals.has(matched.id)) {
      this.problem(n, `Operational goal ${matched.id} appears more than once`);
    } else if (matched) {
      goal = matched;
      const index = target.goals.indexOf(matched);
      const later = target.goals.slice(index + 1).find((g) => this.seenGoals.has(g.id));
      if (later) this.problem(n, `Operational goal ${matched.id} is out of order: it comes after ${later.id}`);
    } else if (unseen[0]) {
      goal = unseen[0];
      this.problem(n, `Operational goal ${goal.id} does not match the form: expected "${goal.title}", found "${stripMarkup(text)}"`);
    } else {
      this.problem(n, `Operational goal "${stripMarkup(text)}" is not in Policy Target No. ${target.number} of the form`);
    }
    if (goal) this.seenGoals.add(goal.id);
    this.goal = goal;
    this.region = { kind: 'goal', goal };
    return last;
  }

  private startQuestion(i: number, key: QuestionKey, text: string): void {
    const n = i + 1;
    const goal = this.goal;
    if (!goal) {
      const reason = 'under a question outside any operational goal of the form';
      this.unplace(i, 'a question outside any operational goal of the form');
      this.region = { kind: 'answer', section: undefined, builder: undefined, reason };
      return;
    }
    const id = `${goal.id}.${key}`;
    if (this.builders.has(id)) {
      this.problem(n, `Question ${id} appears more than once`);
      this.unplace(i, `repeats question ${id}`);
      this.region = { kind: 'answer', section: undefined, builder: undefined, reason: `under the repeated question ${id}` };
      return;
    }
    const later = QUESTION_KEYS.slice(QUESTION_KEYS.indexOf(key) + 1).find((k) => this.builders.has(`${goal.id}.${k}`));
    if (later) this.problem(n, `Question ${id} is out of order: it comes after ${goal.id}.${later}`);
    const expected = goal.prompts[key];
    if (normalizeForMatch(text) !== normalizeForMatch(expected)) {
      this.problem(n, `Question ${id} does not match the form: expected "${expected}", found "${stripMarkup(text)}"`);
    }
    const builder = new AnswerBuilder();
    this.builders.set(id, builder);
    this.place(n, 'prompt', id);
    this.region = { kind: 'answer', section: id, builder, reason: '' };
  }

  /** An `A)`/`B)`/`C)` line is a prompt when its words are close to that question of the form. */
  private matchPrompt(line: string): { key: QuestionKey; text: string } | undefined {
    const m = PROMPT_RE.exec(line);
    if (!m) return undefined;
    const key = m[1] as QuestionKey;
    const text = m[2] ?? '';
    // Any goal's wording counts: goal 4.2 words C differently, and a misplaced prompt is still a prompt.
    const candidates = this.info.cycle.form.targets.flatMap((t) => t.goals.map((g) => g.prompts[key]));
    const best = Math.max(...candidates.map((c) => wordSimilarity(text, c)));
    return best >= PROMPT_SIMILARITY ? { key, text } : undefined;
  }

  /**
   * Heading text that a page break split over several lines: joins following lines while the
   * result is still a prefix of the expected form text, or while the text stops mid-sentence and
   * the next line starts in lower case. Returns the indexes of the extra lines consumed.
   */
  private readContinued(i: number, first: string, expected: string | undefined): { text: string; used: number[] } {
    let text = first;
    const used: number[] = [];
    for (let k = this.nextNonBlank(i + 1); k !== undefined; k = this.nextNonBlank(k + 1)) {
      const next = this.cleaned[k] ?? '';
      if (next === '' || isStructural(next)) break;
      const joined = text === '' ? next : `${text} ${next}`;
      const target = expected === undefined ? undefined : normalizeForMatch(expected);
      const byForm = target !== undefined && normalizeForMatch(text) !== target && target.startsWith(normalizeForMatch(joined));
      if (!(text === '' || byForm || continuesAfterPageBreak(text, next))) break;
      text = joined;
      used.push(k);
    }
    return { text, used };
  }

  private nextNonBlank(from: number): number | undefined {
    for (let k = from; k < this.raw.length; k++) if ((this.raw[k] ?? '').trim() !== '') return k;
    return undefined;
  }

  private reportMissing(): void {
    for (const target of this.info.cycle.form.targets) {
      if (!this.seenTargets.has(target.number)) {
        this.problem(undefined, `Policy Target No. ${target.number} is missing ("${target.title}")`);
        continue;
      }
      for (const goal of target.goals) {
        if (!this.seenGoals.has(goal.id)) {
          this.problem(undefined, `Operational goal ${goal.id} is missing ("${goal.title}")`);
          continue;
        }
        for (const key of QUESTION_KEYS) {
          if (!this.builders.has(`${goal.id}.${key}`)) this.problem(undefined, `Question ${goal.id}.${key} is missing ("${goal.prompts[key]}")`);
        }
      }
    }
  }

  private place(line: number, kind: LineKind, section?: string): void {
    this.result.lines.push(section === undefined ? { line, kind } : { line, kind, section });
  }

  private unplace(i: number, reason: string): void {
    this.result.unplaced.push({ line: i + 1, text: (this.raw[i] ?? '').trim(), reason });
    this.place(i + 1, 'unplaced');
  }

  private problem(line: number | undefined, message: string): void {
    this.result.problems.push(line === undefined ? { message } : { line, message });
  }
}

type BlockType = 'paragraph' | 'bullet' | 'ordered' | 'marker';

/** One source line's text within a list item or paragraph. */
interface Piece {
  text: string;
  /** Joined across a blank line because a page break split the sentence. */
  pageBreak: boolean;
}

interface Item {
  number?: string;
  pieces: Piece[];
}

interface Block {
  type: BlockType;
  items: Item[];
}

/** Collects one section's answer lines into Markdown blocks (paragraphs, lists). */
class AnswerBuilder {
  private readonly blocks: Block[] = [];
  private readonly attachments: string[] = [];

  /** Add one cleaned, non-blank line; `afterBlank` when blank lines preceded it. */
  add(line: string, afterBlank: boolean): 'answer' | 'attachment' {
    if (line === '') return 'answer'; // markup only, e.g. a lone `</ul>`
    const attachment = ATTACHMENT_RE.exec(line);
    if (attachment?.[1]) {
      this.attachments.push(attachment[1].trim());
      return 'attachment';
    }
    if (NOTHING_MARKERS.has(line) || line.toLowerCase() === UNANSWERED_MARKER) {
      this.blocks.push({ type: 'marker', items: [{ pieces: [{ text: line, pageBreak: false }] }] });
      return 'answer';
    }
    const bullet = BULLET_RE.exec(line);
    const ordered = bullet ? null : ORDERED_RE.exec(line);
    const last = this.blocks.at(-1);
    if (bullet || ordered) {
      const type: BlockType = bullet ? 'bullet' : 'ordered';
      const item: Item = { pieces: [{ text: (bullet ? bullet[1] : ordered?.[2]) ?? '', pageBreak: false }] };
      if (ordered?.[1] !== undefined) item.number = ordered[1];
      // Items of one kind stay one list even with blank lines between them, as in the seeds.
      if (last?.type === type) last.items.push(item);
      else this.blocks.push({ type, items: [item] });
      return 'answer';
    }
    const lastItem = last && last.type !== 'marker' ? last.items.at(-1) : undefined;
    const lastPiece = lastItem?.pieces.at(-1);
    if (lastItem && lastPiece && (!afterBlank || continuesAfterPageBreak(lastPiece.text, line))) {
      // Without a blank line: Markdown's lazy continuation. With one: a sentence a page break cut.
      lastItem.pieces.push({ text: line, pageBreak: afterBlank });
      return 'answer';
    }
    this.blocks.push({ type: 'paragraph', items: [{ pieces: [{ text: line, pageBreak: false }] }] });
    return 'answer';
  }

  finish(): ParsedAnswer {
    const content = this.blocks.filter((b) => b.type !== 'marker');
    if (content.length === 0) {
      const unanswered = this.blocks.length > 0 && this.blocks.every((b) => b.items[0]?.pieces[0]?.text.toLowerCase() === UNANSWERED_MARKER);
      return { text: '', nothingToReport: !unanswered, attachments: this.attachments };
    }
    // Emphasis on every item only marks the text as the country's (Montenegro): it is dropped.
    // Emphasis on some items only is the country's own and is kept.
    const marked = content.every((b) => b.items.every(isMarkedAsCountryText));
    const render = (item: Item): string => {
      if (!marked) return item.pieces.map((p) => p.text).join(' ');
      const joined = item.pieces.map((p) => unwrapEmphasis(p.text) ?? p.text).join(' ');
      return unwrapEmphasis(joined) ?? joined;
    };
    const text = this.blocks
      .map((block) => {
        switch (block.type) {
          case 'bullet':
            return block.items.map((item) => `- ${render(item)}`).join('\n');
          case 'ordered':
            return block.items.map((item) => `${item.number ?? '1'}. ${render(item)}`).join('\n');
          default:
            return block.items.map(render).join('\n');
        }
      })
      .join('\n\n');
    return { text, nothingToReport: false, attachments: this.attachments };
  }
}

function isMarkedAsCountryText(item: Item): boolean {
  const [first, ...rest] = item.pieces;
  if (!first) return false;
  if (unwrapEmphasis(item.pieces.map((p) => p.text).join(' ')) !== undefined) return true;
  return unwrapEmphasis(first.text) !== undefined && rest.every((p) => p.pageBreak || unwrapEmphasis(p.text) !== undefined);
}

/** The text inside emphasis that wraps all of `s` (`*…*`, `_…_`, `**…**`, `__…__`), else undefined. */
function unwrapEmphasis(s: string): string | undefined {
  for (const delimiter of ['**', '__', '*', '_']) {
    if (s.length <= 2 * delimiter.length || !s.startsWith(delimiter) || !s.endsWith(delimiter)) continue;
    const inner = s.slice(delimiter.length, -delimiter.length);
    if (inner.includes(delimiter[0] ?? '') || /^\s|\s$/.test(inner)) continue;
    return inner;
  }
  return undefined;
}

/** A page break split the sentence: `previous` stops without closing punctuation and `next` starts in lower case. */
function continuesAfterPageBreak(previous: string, next: string): boolean {
  const tail = previous.replace(/[*_]+$/, '').trimEnd();
  const head = next.replace(/^[*_]+/, '');
  return tail !== '' && !/[.!?;:…]["'”’)\]]*$/.test(tail) && /^\p{Ll}/u.test(head);
}

/** Lines that start something new and are never the continuation of a heading. */
function isStructural(line: string): boolean {
  return TARGET_RE.test(line) || GOAL_RE.test(line) || PROMPT_RE.test(line);
}

/**
 * One input line with its layout removed: leading tabs and spaces, HTML that word processors
 * leave (`<ul style=…>`, `<li>`, `<br>`); `<i>`/`<em>` and `<b>`/`<strong>` become Markdown.
 */
function cleanLine(raw: string): string {
  return raw
    .replace(/<\s*(?:i|em)\b[^>]*>\s*/gi, '*')
    .replace(/\s*<\s*\/\s*(?:i|em)\s*>/gi, '*')
    .replace(/<\s*(?:b|strong)\b[^>]*>\s*/gi, '**')
    .replace(/\s*<\s*\/\s*(?:b|strong)\s*>/gi, '**')
    .replace(/<\s*li\b[^>]*>/gi, '- ')
    .replace(/<\s*\/?\s*(?:ul|ol|li|p|br|div|span|font|u)\b[^>]*>/gi, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .trim();
}

function stripMarkup(s: string): string {
  return s.replace(/[*_]+(?=\S)|(?<=\S)[*_]+/g, '').trim();
}

/** Comparison key for headings: case, quotes, dashes, emphasis, spacing and closing punctuation do not count. */
function normalizeForMatch(s: string): string {
  return stripMarkup(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;]+$/, '')
    .trim();
}

/** Dice coefficient of the two texts' word sets. */
function wordSimilarity(a: string, b: string): number {
  const words = (s: string) => new Set(normalizeForMatch(s).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}
