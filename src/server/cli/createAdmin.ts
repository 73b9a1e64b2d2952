/**
 * Creates an administrator from the server's shell — the first one of a
 * deployment started with SEED_DEMO=false has nobody else to create them —
 * and prints a one-time invitation code. With it the administrator chooses
 * their own password in the app ("I have an invitation code"); no password
 * ever passes through the shell or its history.
 *
 *   npm run create-admin -- <login> "<display name>"
 *
 * Uses the same DATA_DIR / DATABASE_URL as the server, and migrates first.
 */
import { resolve } from 'node:path';
import { loginSchema } from '../accounts/accountSchemas.ts';
import { createAdministrator } from '../accounts/createAdministrator.ts';
import { LoginTakenError } from '../accounts/users.ts';
import { migrateToLatest } from '../database/migrateToLatest.ts';
import { databaseTargetFromEnv, openDatabase } from '../database/openDatabase.ts';

async function main(args: readonly string[]): Promise<number> {
  const [rawLogin, ...nameParts] = args;
  const login = loginSchema.safeParse(rawLogin ?? '');
  const displayName = nameParts.join(' ').trim();
  if (!login.success || displayName === '') {
    console.error('Usage: npm run create-admin -- <login> "<display name>"');
    console.error('A login is 2 to 100 lower-case letters, digits or . _ - @, starting with a letter or digit.');
    return 2;
  }
  const db = openDatabase(databaseTargetFromEnv(process.env, resolve(process.env.DATA_DIR ?? './data')));
  try {
    await migrateToLatest(db);
    const invitation = await createAdministrator(db, { login: login.data, displayName }, Date.now());
    console.log(`Created administrator "${login.data}".`);
    console.log(`Invitation code: ${invitation.code}`);
    console.log(`Valid until ${new Date(invitation.expiresAt).toISOString()}. In the app, choose`);
    console.log('"I have an invitation code" on the sign-in screen and set a password with it.');
    return 0;
  } catch (error) {
    if (error instanceof LoginTakenError) {
      console.error(`The login "${login.data}" is taken.`);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Could not create the administrator:', error);
    process.exitCode = 1;
  },
);
