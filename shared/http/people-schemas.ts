/**
 * Schemas of the directory and the outbox: the people function's contract, requests and responses (the
 * web pages' forms parse with them too). As the API's request schemas (./schemas.ts), each is built on
 * its first read, so a first request builds only what its route names.
 */
import { ID_FORMATS } from '../form';
import { NOTICE_STATUSES, NoticeItemSchema } from '../store/notice-items';
import { NOTICE_KINDS, ROLES } from '../workflow';
import { lazily, once } from '../lazily';
import { z } from './openapi-zod';

const country = () => z.string().regex(ID_FORMATS.country.pattern, ID_FORMATS.country.message);
const name = () => z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const PreferencesSchema = once(() =>
  z
    .object({ replies: z.boolean().openapi({ description: 'Replies of a country on a section I returned (the only notice one may turn off).' }) })
    .strict()
    .openapi('Preferences'),
);

const PersonSchema = once(() =>
  z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      country: z.string().optional(),
      disabled: z.boolean(),
      preferences: PreferencesSchema(),
    })
    .openapi('Person'),
);

const NewPersonBody = once(() =>
  z
    .object({
      email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
      name: name(),
      role: z.enum(ROLES),
      country: country().optional().openapi({ description: 'Required for a rapporteur: a participant country (ISO code).' }),
    })
    .strict()
    .openapi('NewPerson'),
);

const PersonChangesBody = once(() =>
  z
    .object({
      name: name().optional(),
      role: z.enum(ROLES).optional(),
      country: country().nullable().optional(),
      disabled: z.boolean().optional().openapi({ description: 'false enables a disabled person again.' }),
    })
    .strict()
    .openapi('PersonChanges'),
);

const PersonParam = once(() => z.object({ id: z.string().min(1).max(128).regex(/^[\w.@+-]+$/, 'must be a person id').openapi({ param: { name: 'id', in: 'path' } }) }));

/** The store's own schema of a notice (no answer or comment text in it). */
const NoticeSchema = once(() => NoticeItemSchema.meta({ id: 'Notice' }));

const NotificationsQuery = once(() =>
  z.object({
    cycle: z.string().regex(ID_FORMATS.cycle.pattern, ID_FORMATS.cycle.message).optional().openapi({ param: { name: 'cycle', in: 'query' } }),
    country: country().optional().openapi({ param: { name: 'country', in: 'query' } }),
    status: z.enum(NOTICE_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
  }),
);

const MyNoticesSchema = once(() =>
  z
    .object({
      person: PersonSchema().optional(),
      notices: z.array(z.object({ kind: z.enum(NOTICE_KINDS), describe: z.string(), optional: z.boolean(), on: z.boolean() })),
    })
    .openapi('MyNotices'),
);

/** The people function's schemas by name, and `z` with `.openapi()` for the schemas a route contract writes inline. */
export const people = lazily({
  z: () => z,
  PreferencesSchema,
  PersonSchema,
  NewPersonBody,
  PersonChangesBody,
  PersonParam,
  NoticeSchema,
  NotificationsQuery,
  MyNoticesSchema,
});
