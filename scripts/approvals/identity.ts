/**
 * Which person in policy/people.yaml a GitHub account is. Pure.
 *
 * GitHub gives every account a numeric id that survives a rename and is never given to anyone
 * else, while a login is only a name: after a rename the old one is free for anyone to register.
 * So where people.yaml records a `github_id`, the account must have that id (a renamed account is
 * still its person, under its new login; a new account under the old login is nobody). A person
 * without an id is matched by login, case-insensitively, as GitHub compares logins (`validate`
 * warns about role holders without one).
 */
import type { PolicyView } from '../signoffs/holders.ts';
import type { SchemaTypes } from '../types/schema-types.ts';
import type { Account } from './snapshot.ts';

type Person = SchemaTypes['people']['people'][number];

export interface Identity {
  person?: Person;
  /** Why a login that people.yaml names is not that person, or how a renamed account was matched. */
  note?: string;
}

/** An index of people by account id and by lower-case login, built once per evaluation. */
export function identify(view: PolicyView): (account: Account) => Identity {
  const byId = new Map<number, Person>();
  const byLogin = new Map<string, Person>();
  for (const person of view.people.people) {
    if (person.github_id !== undefined) byId.set(person.github_id, person);
    byLogin.set(person.github.toLowerCase(), person);
  }
  return (account) => {
    const named = byLogin.get(account.login.toLowerCase());
    if (account.id !== undefined) {
      const owner = byId.get(account.id);
      if (owner) return owner === named ? { person: owner } : { person: owner, note: `account ${account.id} is ${owner.name}'s (people.yaml lists the login @${owner.github}); matched by account id` };
      if (named?.github_id !== undefined) {
        return { note: `the login @${account.login} belongs to account ${account.id}, not to ${named.name}'s account ${named.github_id} (a renamed or re-registered login inherits nothing)` };
      }
    }
    return named ? { person: named } : {};
  };
}

/** Whether two accounts are the same: by id when both have one, else by login. */
export function sameAccount(a: Account, b: Account): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}
