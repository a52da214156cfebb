/**
 * The one escape function of the HTML report and its SVG pictures. Every piece
 * of text that comes from a file (labels, notes, titles, URLs, keys) passes
 * through `esc` before it is written into markup, in text and in attributes.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** The URL when it is an absolute http or https address, else undefined (shown as plain text). */
export function safeHttpUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** A link for an http(s) URL, the escaped text otherwise. */
export function linkOrText(url: string, text = url): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${esc(href)}" rel="noopener noreferrer">${esc(text)}</a>` : esc(text);
}
