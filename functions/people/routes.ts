/** Route contracts of the people function: the directory (admin), one's own notices, and the outbox (admin). */
import { defineRoutes } from '../../shared/http/contract';
import { PEOPLE_SCHEMAS, type PeopleSchemas } from '../../shared/http/schema-modules';

const person = ({ PersonSchema }: PeopleSchemas, description: string) => ({ description, content: { 'application/json': { schema: PersonSchema } } });

export const routes = defineRoutes(PEOPLE_SCHEMAS, {
  listUsers: {
    method: 'get',
    path: '/users',
    tags: ['people'],
    summary: 'The directory: everyone, disabled people included (admin)',
    responses: ({ z, PersonSchema }) => ({ 200: { description: 'People by name', content: { 'application/json': { schema: z.object({ users: z.array(PersonSchema) }) } } } }),
    problems: [403],
  },
  inviteUser: {
    method: 'post',
    path: '/users',
    tags: ['people'],
    summary: 'Invite a person (admin); with Cognito, Cognito sends the invitation',
    request: ({ NewPersonBody }) => ({ body: { required: true, content: { 'application/json': { schema: NewPersonBody } } } }),
    responses: (schemas) => ({ 201: person(schemas, 'The person invited') }),
    problems: [403, 409],
  },
  updateUser: {
    method: 'patch',
    path: '/users/{id}',
    tags: ['people'],
    summary: 'Change a person: name, role, country, enabled (admin)',
    request: ({ PersonParam, PersonChangesBody }) => ({ params: PersonParam, body: { required: true, content: { 'application/json': { schema: PersonChangesBody } } } }),
    responses: (schemas) => ({ 200: person(schemas, 'The person after the change') }),
    problems: [403],
  },
  disableUser: {
    method: 'delete',
    path: '/users/{id}',
    tags: ['people'],
    summary: 'Disable a person (admin): no more sign-in or notices; history keeps the name',
    request: ({ PersonParam }) => ({ params: PersonParam }),
    responses: (schemas) => ({ 200: person(schemas, 'The disabled person') }),
    problems: [403],
  },
  getMyNotices: {
    method: 'get',
    path: '/me/notices',
    tags: ['people'],
    summary: 'What I will be told, and my preferences',
    responses: ({ MyNoticesSchema }) => ({ 200: { description: 'My notices', content: { 'application/json': { schema: MyNoticesSchema } } } }),
  },
  setMyPreferences: {
    method: 'put',
    path: '/me/preferences',
    tags: ['people'],
    summary: 'Turn the optional notices (replies) on or off; the others always reach me',
    request: ({ PreferencesSchema }) => ({ body: { required: true, content: { 'application/json': { schema: PreferencesSchema } } } }),
    responses: (schemas) => ({ 200: person(schemas, 'Me, with my preferences') }),
  },
  listNotifications: {
    method: 'get',
    path: '/notifications',
    tags: ['people'],
    summary: 'The outbox with delivery status: pending, sent, failed (admin)',
    request: ({ NotificationsQuery }) => ({ query: NotificationsQuery }),
    responses: ({ z, NoticeSchema }) => ({ 200: { description: 'Notices, newest first', content: { 'application/json': { schema: z.object({ notifications: z.array(NoticeSchema) }) } } } }),
    problems: [403],
  },
});
