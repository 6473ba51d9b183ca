/**
 * The admins' cycle pages: create a cycle, change its settings, open and close it, extend a
 * participant's deadline, edit its form (texts, or a whole form as JSON). Every post goes through the
 * API's own body schema and the same use case as the API; a refusal shows the page again with what
 * was typed and the messages in plain words next to their fields.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import { MAX_DOCUMENT_BYTES } from '../../../shared/usecases/documents';
import {
  closeCycle,
  createCycle,
  extendDeadline,
  getCycleToManage,
  listCyclesToManage,
  openCycle,
  updateCycle,
  updateCycleForm,
} from '../../../shared/usecases/cycles';
import { AppError, ConflictError, InvalidInputError, PreconditionFailedError, type FieldError } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import type { FieldErrorView } from '../layout';
import { FORM_FIELD_PREFIX, FORM_JSON_FIELD, describeFormPath, formFieldId, formFromFields } from '../pages/cycle-form';
import { lazyPage } from '../lazy';
import { adminCyclePath, adminCyclesPath } from '../paths';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const CyclePage = lazyPage(() => import('../pages/cycles'), 'CyclePage');
const CyclesPage = lazyPage(() => import('../pages/cycles'), 'CyclesPage');

/** A date input's `YYYY-MM-DD` as the end of that day (UTC), or undefined when it is not a date. */
function endOfDay(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? `${value}T23:59:59Z` : undefined;
}

/** ISO codes typed in a text box, separated by spaces, commas or semicolons. */
function codesOf(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((code) => code.toUpperCase());
}

/** The refusals a form can be shown again with; anything else goes to the error page. */
const shownAgain = (error: unknown): error is AppError => error instanceof InvalidInputError || error instanceof ConflictError || error instanceof PreconditionFailedError;

type ToView = (error: AppError) => FieldErrorView[];

/**
 * Field errors for the page: an invalid input names its field (`body.deadline` → the deadline box) in
 * plain words; a conflict or a stale page is one message at the top, linked to `fallback`.
 */
function namedFields(fields: Record<string, { id: string; label: string }>, fallback: string, codes: string[] = []): ToView {
  return (error) => {
    if (!(error instanceof InvalidInputError) || !error.errors) return [{ field: fallback, message: error.message }];
    return error.errors.map((e: FieldError) => {
      const [, name, index] = e.path.split('.');
      const field = fields[name ?? ''];
      if (!field) return { field: fallback, message: e.message };
      const which = name === 'participants' && index !== undefined && codes[Number(index)] ? ` (${codes[Number(index)]})` : '';
      return { field: field.id, message: `${field.label}${which}: ${e.message}.` };
    });
  };
}

/** A form refused by its schema, in plain words (which target, goal, question), each message linked to its box (or all to the JSON box). */
function formFields(fallback: string, toJson: boolean): ToView {
  return (error) => {
    if (!(error instanceof InvalidInputError) || !error.errors) return [{ field: fallback, message: error.message }];
    return error.errors.map((e) => {
      const segments = e.path.split('.').slice(1);
      return { field: toJson ? FORM_JSON_FIELD : formFieldId(segments.join('.')), message: `${describeFormPath(segments)}: ${e.message}.` };
    });
  };
}

export function cycleRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get(adminCyclesPath, async (c) => {
    const cycles = await listCyclesToManage(deps, requireActor(c));
    return render(c, <CyclesPage ctx={c.get('page')} cycles={cycles} />);
  });

  app.post(adminCyclesPath, async (c) => {
    const actor = requireActor(c);
    const form = await formOf(c);
    const typed = Object.fromEntries(['year', 'from', 'deadline', 'title', 'participants'].map((k) => [k, formText(form, k).trim()]));
    const codes = codesOf(typed.participants!);
    try {
      const deadline = endOfDay(typed.deadline!);
      if (!deadline) throw new InvalidInputError('Enter the deadline.', [{ path: 'body.deadline', message: 'enter a date' }]);
      const body = parseInput(
        inputs.CreateCycleBody,
        { id: typed.year, year: Number(typed.year), from: typed.from, deadline, ...(typed.title ? { title: typed.title } : {}), ...(codes.length ? { participants: codes } : {}) },
        'body',
      );
      const created = await createCycle(deps, actor, body);
      return redirectTo(site, c, `${adminCyclePath(created.cycle.id)}?done=created`);
    } catch (error) {
      if (!shownAgain(error)) throw error;
      const fields = {
        id: { id: 'new-year', label: 'Year' },
        year: { id: 'new-year', label: 'Year' },
        from: { id: 'new-from', label: 'Follows up' },
        deadline: { id: 'new-deadline', label: 'Deadline' },
        title: { id: 'new-title', label: 'Title' },
        participants: { id: 'new-participants', label: 'Participants' },
      };
      const cycles = await listCyclesToManage(deps, actor);
      return render(c, <CyclesPage ctx={c.get('page')} cycles={cycles} errors={namedFields(fields, 'new-year', codes)(error)} typed={typed} />, error.status);
    }
  });

  app.get(`${adminCyclesPath}/:cycle`, async (c) => {
    const info = await getCycleToManage(deps, requireActor(c), pathOf(c, inputs.CycleParam).cycle);
    return render(c, <CyclePage ctx={c.get('page')} info={info} flash={c.req.query('done')} />);
  });

  /** Runs a change posted from the cycle's page; a refusal shows the page again with what was typed. */
  const change = (done: string, toView: (typed: Record<string, string>) => ToView, run: (c: C, typed: Record<string, string>) => Promise<unknown>) => async (c: C) => {
    const actor = requireActor(c);
    const { cycle } = pathOf(c, inputs.CycleParam);
    const form = await formOf(c);
    const typed = Object.fromEntries(Object.keys(form).map((k) => [k, formText(form, k)]));
    try {
      await run(c, typed);
      return redirectTo(site, c, `${adminCyclePath(cycle)}?done=${done}`);
    } catch (error) {
      if (!shownAgain(error)) throw error;
      const info = await getCycleToManage(deps, actor, cycle);
      const errors = toView(typed)(error);
      return render(c, <CyclePage ctx={c.get('page')} info={info} errors={errors} typed={typed} json={typed.json} />, error.status);
    }
  };
  const at = (c: C) => pathOf(c, inputs.CycleParam);
  const ifMatch = (typed: Record<string, string>) => typed.etag || undefined;

  app.post(
    `${adminCyclesPath}/:cycle`,
    change(
      'saved',
      (typed) =>
        namedFields(
          { title: { id: 'cycle-title', label: 'Title' }, deadline: { id: 'cycle-deadline', label: 'Deadline' }, participants: { id: 'cycle-participants', label: 'Participants' } },
          'settings-heading',
          codesOf(typed.participants ?? ''),
        ),
      async (c, typed) => {
        const deadline = endOfDay(typed.deadline?.trim() ?? '');
        if (!deadline) throw new InvalidInputError('Enter the deadline.', [{ path: 'body.deadline', message: 'enter a date' }]);
        const body = parseInput(inputs.UpdateCycleBody, { title: typed.title?.trim(), deadline, participants: codesOf(typed.participants ?? '') }, 'body');
        await updateCycle(deps, requireActor(c), { ...at(c), ...body, ifMatch: ifMatch(typed) });
      },
    ),
  );

  const statusView = () => namedFields({}, 'status-heading');
  app.post(`${adminCyclesPath}/:cycle/open`, change('opened', statusView, (c) => openCycle(deps, requireActor(c), at(c))));
  app.post(`${adminCyclesPath}/:cycle/close`, change('closed', statusView, (c) => closeCycle(deps, requireActor(c), at(c))));

  app.post(
    `${adminCyclesPath}/:cycle/extensions`,
    change('extended', () => namedFields({ deadline: { id: 'ext-deadline', label: 'New deadline' }, reason: { id: 'ext-reason', label: 'Reason' } }, 'extensions-heading'), async (c, typed) => {
      const deadline = endOfDay(typed.extension?.trim() ?? '');
      if (!deadline) throw new InvalidInputError('Enter the new deadline.', [{ path: 'body.deadline', message: 'enter a date' }]);
      const body = parseInput(inputs.ExtendDeadlineBody, { deadline, reason: typed.reason ?? '' }, 'body');
      await extendDeadline(deps, requireActor(c), { ...at(c), country: typed.country ?? '', ...body });
    }),
  );

  /** Saves a form checked by the API's own schema (a refusal names each field of the form). */
  const saveForm = async (c: C, typed: Record<string, string>, value: unknown) => {
    const form = parseInput(inputs.FormBodySchema, value, 'body');
    await updateCycleForm(deps, requireActor(c), { ...at(c), form, ifMatch: ifMatch(typed) });
  };

  app.post(
    `${adminCyclesPath}/:cycle/form`,
    change('form', () => formFields('form-heading', false), async (c, typed) => {
      const info = await getCycleToManage(deps, requireActor(c), at(c).cycle);
      await saveForm(c, typed, formFromFields(info.cycle.form, (path) => (typed[`${FORM_FIELD_PREFIX}${path}`] ?? '').trim()));
    }),
  );

  app.post(
    `${adminCyclesPath}/:cycle/form/upload`,
    change('form', () => formFields(FORM_JSON_FIELD, true), async (c, typed) => {
      const file = (await formOf(c)).file;
      const text = file instanceof File && file.size > 0 ? (file.size > MAX_DOCUMENT_BYTES ? undefined : await file.text()) : typed.json;
      const refuse = (message: string) => new InvalidInputError(message);
      if (text === undefined) throw refuse('The file is too large: a form is at most 1 MB.');
      if (!text.trim()) throw refuse('Choose a JSON file or paste the form as JSON.');
      typed.json = text;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        throw refuse(`This is not valid JSON (${cause instanceof Error ? cause.message : 'unreadable'}). Check the text and upload it again.`);
      }
      await saveForm(c, typed, value);
    }),
  );

  app.get(`${adminCyclesPath}/:cycle/form.json`, async (c) => {
    const info = await getCycleToManage(deps, requireActor(c), at(c).cycle);
    c.header('content-disposition', `attachment; filename="form-${info.cycle.id}.json"`);
    return c.body(JSON.stringify(info.cycle.form, null, 2), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  return app;
}
