/**
 * What a server's answer to a graph file's fetch means, in words a reader can use: a 404 says "not found (404)",
 * and so does a page of HTML sent for a file that is not one (the SPA fallback of vite and of many static hosts
 * answers a missing file with the app's own index.html and a 200), instead of a list of parse errors about
 * "<!doctype". Null: the answer is the file.
 */
export function fetchFailure(status: number, statusText: string, contentType: string | null, name: string): string | null {
  if (status === 404 || status === 410) return `not found (${status})`;
  if (status < 200 || status >= 300) return `the server answered ${status}${statusText ? ` ${statusText}` : ''}`;
  if (/^\s*text\/html\b/i.test(contentType ?? '') && !/\.html?$/i.test(name)) return 'not found (404): the server sent a web page instead of the file';
  return null;
}
