/**
 * The directory in a Cognito user pool (the stack's `cognito` auth provider): AdminCreateUser sends
 * Cognito's invitation; the role is the user's group, the country `custom:country`; disabling is
 * AdminDisableUser (the user stays, so history keeps the name). A person's id is their username
 * (the pool's `sub`, the tokens' subject). Preferences live in the table (TableDirectory's item).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  UsernameExistsException,
  UserNotFoundException,
  type AttributeType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, DEFAULT_PREFERENCES, NotFoundError, ROLES, type Person, type Preferences, type Role } from '../workflow';
import { USERS_PK, userSk } from '../store/keys';
import { byName, type Directory, type NewPerson, type PersonChanges } from './directory';

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

/**
 * The directory over a user pool, with a Cognito client of its own (functions/deps.ts loads this module on
 * the first directory call: importing the client package's namespace there instead would keep every one
 * of its commands and their schemas in the bundle).
 */
export function createCognitoDirectory(userPoolId: string, doc: DynamoDBDocumentClient, tableName: string): CognitoDirectory {
  return new CognitoDirectory(new CognitoIdentityProviderClient({}), userPoolId, doc, tableName);
}

export class CognitoDirectory implements Directory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One ListUsersInGroup per role (paginated): the group is the role. */
  async list(): Promise<Person[]> {
    const people: Person[] = [];
    for (const role of ROLES) {
      let NextToken: string | undefined;
      do {
        const page = await this.cognito.send(new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, NextToken }));
        for (const user of page.Users ?? []) people.push(await this.toPerson(user.Username!, user.Attributes, role, user.Enabled === false));
        NextToken = page.NextToken;
      } while (NextToken);
    }
    return people.sort(byName);
  }

  async get(id: string): Promise<Person | undefined> {
    try {
      const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: id }));
      const groups = await this.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: id }));
      const role = ROLES.find((r) => groups.Groups?.some((g) => g.GroupName === r)) ?? 'rapporteur';
      return await this.toPerson(user.Username!, user.UserAttributes, role, user.Enabled === false);
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }

  async create(input: NewPerson): Promise<Person> {
    let user: UserType | undefined;
    try {
      const out = await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: input.email,
          // Cognito sends its invitation (a temporary password) to the email.
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: input.name },
            ...(input.country ? [{ Name: 'custom:country', Value: input.country }] : []),
          ],
        }),
      );
      user = out.User;
    } catch (error) {
      if (error instanceof UsernameExistsException) throw new ConflictError(`${input.email} is already in the directory.`, [{ path: 'body.email', message: 'already in the directory' }]);
      throw error;
    }
    await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: user!.Username!, GroupName: input.role }));
    return this.toPerson(user!.Username!, user!.Attributes, input.role, false);
  }

  async update(id: string, changes: PersonChanges): Promise<Person> {
    const before = await this.get(id);
    if (!before) throw new NotFoundError(`No person ${id} in the directory.`);
    const attributes = [...(changes.name !== undefined ? [{ Name: 'name', Value: changes.name }] : []), ...(typeof changes.country === 'string' ? [{ Name: 'custom:country', Value: changes.country }] : [])];
    if (attributes.length) await this.cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: id, UserAttributes: attributes }));
    if (changes.country === null) await this.cognito.send(new AdminDeleteUserAttributesCommand({ UserPoolId: this.userPoolId, Username: id, UserAttributeNames: ['custom:country'] }));
    if (changes.role !== undefined && changes.role !== before.role) {
      await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: id, GroupName: changes.role }));
      await this.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: id, GroupName: before.role }));
    }
    if (changes.disabled === true) await this.cognito.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: id }));
    if (changes.disabled === false) await this.cognito.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: id }));
    const { country: _country, ...rest } = before;
    const country = changes.country === null ? undefined : (changes.country ?? before.country);
    return { ...rest, ...(changes.name !== undefined ? { name: changes.name } : {}), ...(changes.role ? { role: changes.role } : {}), ...(country ? { country } : {}), ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}) };
  }

  async setPreferences(id: string, preferences: Preferences): Promise<Person> {
    const person = await this.get(id);
    if (!person) throw new NotFoundError(`No person ${id} in the directory.`);
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { pk: USERS_PK, sk: userSk(id), type: 'preferences', id, preferences } }));
    return { ...person, preferences };
  }

  private async toPerson(username: string, attributes: AttributeType[] | undefined, role: Role, disabled: boolean): Promise<Person> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: USERS_PK, sk: userSk(username) } }));
    const country = attribute(attributes, 'custom:country');
    return {
      id: username,
      email: attribute(attributes, 'email') ?? username,
      name: attribute(attributes, 'name') ?? username,
      role,
      ...(country ? { country } : {}),
      disabled,
      preferences: (out.Item?.preferences as Preferences | undefined) ?? DEFAULT_PREFERENCES,
    };
  }
}
