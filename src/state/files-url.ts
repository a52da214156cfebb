/** The `?graph=` parameter: a file served beside the app, same origin only (never a remote one). */
export function graphUrlOf(search: string, base: string): { ok: true; url: string; name: string } | { ok: false; found: string } | null {
  const param = new URLSearchParams(search).get('graph');
  if (param === null || param === '') return null;
  let url: URL;
  try {
    url = new URL(param, base);
  } catch {
    return { ok: false, found: `"${param}", not a URL` };
  }
  if (url.origin !== new URL(base).origin) return { ok: false, found: `"${param}", on another origin (${url.origin})` };
  const last = url.pathname.replace(/^.*\//, '');
  let name: string;
  try {
    name = decodeURIComponent(last) || 'graph';
  } catch {
    // A stray % (as in "100%.json") is no escape: the name is shown as written.
    name = last;
  }
  return { ok: true, url: url.href, name };
}
