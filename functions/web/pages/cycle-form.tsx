/**
 * The form of a planned cycle on its admin page: an editor of every text (titles and questions), and
 * the upload of a whole form as JSON (a file or pasted text) for changes of structure. Both are checked
 * by the same schema as the 2014 form; its messages are told here in plain words (which target, goal,
 * question), linked to the field.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo, Form } from '../../../shared/form';
import { Csrf, ErrorMessage, type FieldErrorView, type PageContext } from '../layout';
import { adminCyclePath } from '../paths';

/** The id of a form field of the editor: `targets.0.goals.1.prompts.A` → `form-targets-0-goals-1-prompts-A`. */
export const formFieldId = (path: string) => `form-${path.replace(/\./g, '-')}`;
export const FORM_JSON_FIELD = 'form-json';
/** Names of the editor's fields: `form.` and the path in the form (`form.targets.0.title`), apart from the cycle's own settings. */
export const FORM_FIELD_PREFIX = 'form.';

/** Where in the form a schema path points, for people: `targets.1.goals.0.prompts.A` → "Policy target 2, goal 1, question A". */
export function describeFormPath(segments: readonly string[]): string {
  const [first, ti, second, gi, third, key] = segments;
  if (first === undefined) return 'The form';
  if (first !== 'targets') return `The form's ${first === 'id' ? 'identifier' : first}`;
  if (ti === undefined) return 'The list of policy targets';
  const target = `Policy target ${Number(ti) + 1}`;
  if (second === undefined) return target;
  if (second !== 'goals') return `${target}, its ${second}`;
  if (gi === undefined) return `${target}, its goals`;
  const goal = `${target}, goal ${Number(gi) + 1}`;
  if (third === undefined) return goal;
  if (third === 'id') return `${goal}, its number`;
  if (third === 'prompts') return key === undefined ? `${goal}, its questions` : `${goal}, question ${key}`;
  return `${goal}, its ${third}`;
}

/** The form with the editor's texts put in (the structure stays the form's; the JSON upload changes it). */
export function formFromFields(form: Form, value: (path: string) => string): unknown {
  return {
    ...form,
    title: value('title'),
    targets: form.targets.map((target, ti) => ({
      ...target,
      title: value(`targets.${ti}.title`),
      goals: target.goals.map((goal, gi) => {
        const at = `targets.${ti}.goals.${gi}`;
        return { ...goal, title: value(`${at}.title`), prompts: { A: value(`${at}.prompts.A`), B: value(`${at}.prompts.B`), C: value(`${at}.prompts.C`) } };
      }),
    })),
  };
}

const Text: FC<{ path: string; label: string; value: string; errors: FieldErrorView[]; rows?: number }> = ({ path, label, value, errors, rows = 2 }) => {
  const id = formFieldId(path);
  const error = errors.find((e) => e.field === id);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <ErrorMessage field={id} error={error} />
      <textarea class="short" id={id} name={`${FORM_FIELD_PREFIX}${path}`} rows={rows} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {'\n' + value}
      </textarea>
    </div>
  );
};

export interface FormEditorProps {
  ctx: PageContext;
  info: CycleInfo;
  etag: string;
  errors: FieldErrorView[];
  /** The fields as the admin typed them (after a refused save), by name (`form.<path>`). */
  typed?: Record<string, string> | undefined;
  /** The JSON as pasted (after a refused upload). */
  json?: string | undefined;
}

export const FormEditor: FC<FormEditorProps> = ({ ctx, info, etag, errors, typed, json }) => {
  const form = info.cycle.form;
  const value = (path: string, saved: string) => typed?.[`${FORM_FIELD_PREFIX}${path}`] ?? saved;
  const action = `${adminCyclePath(info.cycle.id)}/form`;
  const jsonError = errors.find((e) => e.field === FORM_JSON_FIELD);
  return (
    <section aria-labelledby="form-heading" class="panel">
      <h2 id="form-heading">The form</h2>
      <p>The questions can change until the cycle opens; then the form is frozen.</p>
      <details open={errors.some((e) => e.field !== FORM_JSON_FIELD) ? true : undefined}>
        <summary>Edit the titles and questions</summary>
        <form method="post" action={ctx.href(action)}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="etag" value={etag} />
          <Text path="title" label="Title of the form" value={value('title', form.title)} errors={errors} />
          {form.targets.map((target, ti) => (
            <fieldset>
              <legend>Policy target {target.number}</legend>
              <Text path={`targets.${ti}.title`} label={`Title of policy target ${target.number}`} value={value(`targets.${ti}.title`, target.title)} errors={errors} />
              {target.goals.map((goal, gi) => (
                <fieldset>
                  <legend>Operational goal {goal.id}</legend>
                  <Text path={`targets.${ti}.goals.${gi}.title`} label={`Title of goal ${goal.id}`} value={value(`targets.${ti}.goals.${gi}.title`, goal.title)} errors={errors} />
                  {(['A', 'B', 'C'] as const).map((key) => (
                    <Text path={`targets.${ti}.goals.${gi}.prompts.${key}`} label={`Goal ${goal.id}, question ${key}`} value={value(`targets.${ti}.goals.${gi}.prompts.${key}`, goal.prompts[key])} errors={errors} />
                  ))}
                </fieldset>
              ))}
            </fieldset>
          ))}
          <button type="submit" class="button">
            Save the form
          </button>
        </form>
      </details>
      <h3 id="upload-heading">Upload the form as JSON</h3>
      <p>
        To add or remove targets and goals, <a href={ctx.href(`${action}.json`)}>download the form as JSON</a>, change it, and upload it here (a file, or the text pasted below).
      </p>
      <form method="post" action={ctx.href(`${action}/upload`)} enctype="multipart/form-data" aria-labelledby="upload-heading">
        <Csrf ctx={ctx} />
        <input type="hidden" name="etag" value={etag} />
        <div class="field">
          <label for="form-file">JSON file</label>
          <input type="file" id="form-file" name="file" accept="application/json,.json" />
        </div>
        <div class="field">
          <label for={FORM_JSON_FIELD}>Or paste the JSON</label>
          <ErrorMessage field={FORM_JSON_FIELD} error={jsonError} />
          <textarea id={FORM_JSON_FIELD} name="json" rows={8} aria-invalid={jsonError ? 'true' : undefined} aria-describedby={jsonError ? `${FORM_JSON_FIELD}-error` : undefined}>
            {'\n' + (json ?? '')}
          </textarea>
        </div>
        <button type="submit" class="button secondary">
          Upload the form
        </button>
      </form>
    </section>
  );
};
