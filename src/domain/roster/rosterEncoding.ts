/**
 * How a class list's bytes become text. Ura expects UTF-8; Excel's plain
 * "CSV" in Albanian and Serbian locales writes Windows-1250 (Latin) or
 * Windows-1251 (Cyrillic) instead, so those can be chosen once the user is
 * told. UTF-16 with its byte-order mark (Excel's "Unicode text") is read as such.
 */
export const ROSTER_ENCODINGS = ['utf-8', 'windows-1250', 'windows-1251'] as const;
export type RosterEncoding = (typeof ROSTER_ENCODINGS)[number];

export type DecodedRoster =
  | { ok: true; text: string }
  /** notUtf8: a legacy code page throughout; mixedEncoding: UTF-8 in part, something else elsewhere. */
  | { ok: false; code: 'notUtf8' | 'mixedEncoding' };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The length of a well-formed UTF-8 sequence of two or more bytes starting at `at`, or 0. */
function multiByteAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 ? 4 : 0;
  if (length === 0 || lead > 0xf4) return 0;
  for (let next = 1; next < length; next += 1) {
    const byte = bytes[at + next];
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** Whether the bytes hold at least one well-formed UTF-8 letter beyond ASCII (ë written by a UTF-8 program). */
function holdsUtf8(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length; at += 1) {
    if ((bytes[at] ?? 0) < 0x80) continue;
    if (multiByteAt(bytes, at) > 0) return true;
  }
  return false;
}

export function decodeRoster(bytes: Uint8Array, encoding: RosterEncoding): DecodedRoster {
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (encoding !== 'utf-8' && !hasUtf8Bom) return { ok: true, text: new TextDecoder(encoding).decode(bytes) };
  try {
    // The decoder drops a leading byte-order mark itself; `fatal` makes a byte that is not UTF-8 an error.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, code: holdsUtf8(bytes) ? 'mixedEncoding' : 'notUtf8' };
  }
}
