import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What someone who finds a phone can read without the PIN: the browser
 * profile's files, byte for byte. A string is looked for in every encoding a
 * browser writes text in — UTF-8; Latin-1, as V8's serializer writes a
 * one-byte string into IndexedDB; UTF-16LE, as it writes any other string.
 */
export type TextEncodingName = 'utf8' | 'latin1' | 'utf16le';

export interface Sighting {
  /** The file, relative to the profile directory. */
  file: string;
  secret: string;
  encoding: TextEncodingName;
  offset: number;
}

/** The byte forms of `secret`; Latin-1 only when every character fits in one byte. */
export function byteForms(secret: string): { encoding: TextEncodingName; bytes: Buffer }[] {
  const utf8 = Buffer.from(secret);
  const forms: { encoding: TextEncodingName; bytes: Buffer }[] = [{ encoding: 'utf8', bytes: utf8 }];
  const oneByte = [...secret].every((char) => (char.codePointAt(0) ?? 0x100) <= 0xff);
  const latin1 = Buffer.from(secret, 'latin1');
  // For ASCII the two are the same bytes: one sighting, named UTF-8.
  if (oneByte && !latin1.equals(utf8)) forms.push({ encoding: 'latin1', bytes: latin1 });
  forms.push({ encoding: 'utf16le', bytes: Buffer.from(secret, 'utf16le') });
  return forms;
}

/** Every regular file under `directory` (symbolic links, such as Chromium's Singleton* files, are not followed). */
export function filesUnder(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile() && lstatSync(path).isFile()) found.push(path);
  }
  return found;
}

/** Whether a file sits in an IndexedDB directory of the profile (LevelDB files, blob files, any bucket). */
export function isIndexedDbFile(profile: string, file: string): boolean {
  return relative(profile, file).split(sep).includes('IndexedDB');
}

/** Every place one of `secrets` appears in one of `files`, in any of its byte forms. */
export function findSecrets(profile: string, files: readonly string[], secrets: readonly string[]): Sighting[] {
  const wanted = secrets.flatMap((secret) => byteForms(secret).map((form) => ({ secret, ...form })));
  const sightings: Sighting[] = [];
  for (const file of files) {
    const content = readFileSync(file);
    for (const { secret, encoding, bytes } of wanted) {
      const offset = content.indexOf(bytes);
      if (offset >= 0) sightings.push({ file: relative(profile, file), secret, encoding, offset });
    }
  }
  return sightings;
}

export interface ProfileReading {
  /** How many files the profile's IndexedDB directories hold (none would mean the reading looked in the wrong place). */
  indexedDbFiles: number;
  inIndexedDb: Sighting[];
  /** Anywhere else in the profile: Cache Storage, the HTTP cache, Local and Session Storage, session restore… */
  elsewhere: Sighting[];
}

/** Reads every file of a closed profile for `secrets`, as someone holding the phone's storage can. */
export function readProfile(profile: string, secrets: readonly string[]): ProfileReading {
  const files = filesUnder(profile);
  const indexedDb = files.filter((file) => isIndexedDbFile(profile, file));
  const rest = files.filter((file) => !isIndexedDbFile(profile, file));
  return {
    indexedDbFiles: indexedDb.length,
    inIndexedDb: findSecrets(profile, indexedDb, secrets),
    elsewhere: findSecrets(profile, rest, secrets),
  };
}
