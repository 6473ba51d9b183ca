/**
 * The directory in the table (pk `USERS`): with an OIDC provider and locally. A person is
 * `USER#<id>`; their email's item `EMAIL#<email>` makes a duplicate email fail its conditional Put
 * in the invitation's transaction (409). One Query lists everyone.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ConflictError, DEFAULT_PREFERENCES, NotFoundError, ROLES, type Person, type Preferences } from '../workflow';
import { cancellationReasons, queryAll } from '../store/dynamo';
import { USERS_PK, USER_PREFIX, emailSk, userSk } from '../store/keys';
import { byName, type Directory, type NewPerson, type PersonChanges } from './directory';

export const PersonItemSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  country: z.string().optional(),
  disabled: z.boolean().default(false),
  preferences: z.object({ replies: z.boolean() }).default(DEFAULT_PREFERENCES),
});

const toPerson = (item: Record<string, unknown>): Person => {
  const p = PersonItemSchema.parse(item);
  return { id: p.id, email: p.email, name: p.name, role: p.role, ...(p.country ? { country: p.country } : {}), disabled: p.disabled, preferences: p.preferences };
};

export class TableDirectory implements Directory {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<Person[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': USERS_PK, ':prefix': USER_PREFIX },
    });
    return items.map(toPerson).sort(byName);
  }

  async get(id: string): Promise<Person | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: USERS_PK, sk: userSk(id) } }));
    return out.Item ? toPerson(out.Item) : undefined;
  }

  async create(input: NewPerson): Promise<Person> {
    const person: Person = { id: input.id ?? randomUUID(), email: input.email, name: input.name, role: input.role, ...(input.country ? { country: input.country } : {}), disabled: false, preferences: DEFAULT_PREFERENCES };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { pk: USERS_PK, sk: userSk(person.id), type: 'person', ...person }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: { pk: USERS_PK, sk: emailSk(person.email), type: 'person-email', id: person.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (cancellationReasons(error)?.[1]?.Code === 'ConditionalCheckFailed') throw new ConflictError(`${input.email} is already in the directory.`, [{ path: 'body.email', message: 'already in the directory' }]);
      throw error;
    }
    return person;
  }

  async update(id: string, changes: PersonChanges): Promise<Person> {
    const sets: string[] = [];
    const removes: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const set = (field: string, value: unknown) => {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    };
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.role !== undefined) set('role', changes.role);
    if (changes.disabled !== undefined) set('disabled', changes.disabled);
    if (typeof changes.country === 'string') set('country', changes.country);
    else if (changes.country === null) {
      names['#country'] = 'country';
      removes.push('#country');
    }
    return this.write(id, sets, removes, names, values);
  }

  async setPreferences(id: string, preferences: Preferences): Promise<Person> {
    return this.write(id, ['preferences = :preferences'], [], {}, { ':preferences': preferences });
  }

  private async write(id: string, sets: string[], removes: string[], names: Record<string, string>, values: Record<string, unknown>): Promise<Person> {
    if (sets.length === 0 && removes.length === 0) {
      const person = await this.get(id);
      if (!person) throw new NotFoundError(`No person ${id} in the directory.`);
      return person;
    }
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: USERS_PK, sk: userSk(id) },
          UpdateExpression: `${sets.length ? `SET ${sets.join(', ')}` : ''}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toPerson(out.Attributes!);
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new NotFoundError(`No person ${id} in the directory.`);
      throw error;
    }
  }
}
