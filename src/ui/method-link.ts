/**
 * "metrics.md §3" as a link to the method: docs/metrics.md, kept in the build as an asset (served beside the app,
 * offline), opened in a new tab. The section number stays in the text, as the reports cite it.
 */
import metricsUrl from '../../docs/metrics.md?url';
import { h } from './dom.ts';

export function methodLink(text: string, section?: number): HTMLAnchorElement {
  return h('a', {
    className: 'method-link',
    href: metricsUrl,
    target: '_blank',
    rel: 'noopener',
    title: `How Chokepoint computes the figures (docs/metrics.md${section ? `; the definitions' §${section}` : ''})`,
  }, text);
}
