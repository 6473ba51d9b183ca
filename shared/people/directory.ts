/**
 * The directory port: who the people are (for the admin pages and API, the development sign-in and
 * the notifier, which resolves a notice's recipients from it at delivery). Two adapters: the table
 * (an OIDC provider, and locally) and the Cognito user pool (shared/people/cognito-directory.ts).
 */
import type { Person, Preferences, Role } from '../workflow';

export interface NewPerson {
  email: string;
  name: string;
  role: Role;
  country?: string | undefined;
  /** A chosen id (the local seeding of the demo users: their token subjects); otherwise the directory makes one. */
  id?: string | undefined;
}

export interface PersonChanges {
  name?: string | undefined;
  role?: Role | undefined;
  /** null: no country (not a rapporteur). */
  country?: string | null | undefined;
  disabled?: boolean | undefined;
}

export interface Directory {
  /** Everyone, disabled people included (history keeps their names), by name. */
  list(): Promise<Person[]>;
  get(id: string): Promise<Person | undefined>;
  /** Invites a person; a duplicate email is a 409. */
  create(person: NewPerson): Promise<Person>;
  /** Changes a person (404 when unknown). */
  update(id: string, changes: PersonChanges): Promise<Person>;
  /** A person's own choices of notices. */
  setPreferences(id: string, preferences: Preferences): Promise<Person>;
}

export const byName = (a: Person, b: Person) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
