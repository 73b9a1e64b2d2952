/** Long enough for a slow phone to start reading the file; the URL only holds memory until then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Hands a text file to the browser as a download: an object URL on an
 * `<a download>`, so it works offline and nothing leaves the phone.
 */
export function downloadFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
