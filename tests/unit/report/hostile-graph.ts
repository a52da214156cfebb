/** A small graph whose every free-text field tries to inject markup, a formula or a bad link. */
import type { GraphDocumentInput } from '../../../src/model/schema.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

export const XSS = '<img src=x onerror=alert(1)>';
export const SCRIPT = '<script>alert(2)</script>';

export function hostileDoc(): GraphDocumentInput {
  const doc = makeDoc(
    [
      ['evil', 'foundry', 'TW', `=HYPERLINK("http://x.invalid","${XSS}")`],
      ['good', 'foundry', 'JP'],
      ['buyer', 'demand', 'JP'],
    ],
    [
      ['evil', 'buyer', 'chips', 30],
      ['good', 'buyer', 'chips', 10],
    ],
    {
      title: `Title ${SCRIPT}`,
      asOf: '2025-05',
      sources: [
        { id: 'js', title: `"><svg onload=alert(3)>`, url: 'javascript:alert(4)', publisher: '@SUM(1+1)' },
        { id: 'web', title: 'A real page', url: 'https://example.org/a?b=1&c=<2>' },
        { id: 'data', title: 'Data URL', url: 'data:text/html,<script>alert(5)</script>' },
      ],
      scenarios: [
        {
          id: 'shift',
          label: `Shift ${XSS}`,
          description: `-1+2 ${SCRIPT}`,
          ops: [{ op: 'shiftFlows', target: 'buyer', input: 'chips', from: { key: 'evil' }, to: { key: 'good' }, fraction: 0.5 }],
        },
      ],
    },
  );
  doc.nodes[0]!.attributes.label = XSS;
  doc.nodes[2]!.attributes.label = `+buyers ${SCRIPT}`;
  return doc;
}

export const hostileGraph = () => graphOf(hostileDoc());
