/** Schemas of the directory and the outbox (the people function's contract; the web pages' forms parse with them too). */
import { z } from './openapi-zod';

/** zod with `.openapi()`, for the schemas a route contract writes inline. */
export { z };
import { ID_FORMATS } from '../form';
import { NOTICE_STATUSES, NoticeItemSchema } from '../store/notice-items';
import { NOTICE_KINDS, ROLES } from '../workflow';

const country = z.string().regex(ID_FORMATS.country.pattern, ID_FORMATS.country.message);
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const PreferencesSchema = z.object({ replies: z.boolean().openapi({ description: 'Replies of a country on a section I returned (the only notice one may turn off).' }) }).strict().openapi('Preferences');

export const PersonSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    country: z.string().optional(),
    disabled: z.boolean(),
    preferences: PreferencesSchema,
  })
  .openapi('Person');

export const NewPersonBody = z
  .object({
    email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
    name,
    role: z.enum(ROLES),
    country: country.optional().openapi({ description: 'Required for a rapporteur: a participant country (ISO code).' }),
  })
  .strict()
  .openapi('NewPerson');

export const PersonChangesBody = z
  .object({
    name: name.optional(),
    role: z.enum(ROLES).optional(),
    country: country.nullable().optional(),
    disabled: z.boolean().optional().openapi({ description: 'false enables a disabled person again.' }),
  })
  .strict()
  .openapi('PersonChanges');

export const PersonParam = z.object({ id: z.string().min(1).max(128).regex(/^[\w.@+-]+$/, 'must be a person id').openapi({ param: { name: 'id', in: 'path' } }) });

/** The store's own schema of a notice (no answer or comment text in it). */
export const NoticeSchema = NoticeItemSchema.meta({ id: 'Notice' });

export const NotificationsQuery = z.object({
  cycle: z.string().regex(ID_FORMATS.cycle.pattern, ID_FORMATS.cycle.message).optional().openapi({ param: { name: 'cycle', in: 'query' } }),
  country: country.optional().openapi({ param: { name: 'country', in: 'query' } }),
  status: z.enum(NOTICE_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
});

export const MyNoticesSchema = z
  .object({
    person: PersonSchema.optional(),
    notices: z.array(z.object({ kind: z.enum(NOTICE_KINDS), describe: z.string(), optional: z.boolean(), on: z.boolean() })),
  })
  .openapi('MyNotices');
