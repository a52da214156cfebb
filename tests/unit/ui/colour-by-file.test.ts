import { describe, expect, it } from 'vitest';
import { colourChoices, colourNodes, fileColour, viewControlsScan } from '../../../src/ui/colour-by.ts';

const numericSizes = (nodes: Parameters<typeof viewControlsScan.now>[0]) => viewControlsScan.now(nodes).fileSizes;

const n = (key: string, extra: Record<string, unknown> = {}) => ({ key, attributes: { label: key, kind: 'foundry' as const, country: 'TW', ...extra } });

describe('colours and sizes as in the file', () => {
  it('reads #rrggbb, #rgb and rgb() colours, and refuses anything else', () => {
    expect(fileColour('#A0b1C2')).toBe('#a0b1c2');
    expect(fileColour('#f80')).toBe('#ff8800');
    expect(fileColour('rgb(255, 0, 16)')).toBe('#ff0010');
    expect(fileColour('rgba(1,2,3,0.5)')).toBe('#010203');
    expect(fileColour('rgb(256,0,0)')).toBeNull();
    expect(fileColour('red')).toBeNull();
    expect(fileColour('javascript:alert(1)')).toBeNull();
    expect(fileColour(12)).toBeNull();
  });

  it('is offered only when a node carries a colour, and draws each node in its own (grey without)', () => {
    expect(colourChoices([n('a'), n('b')]).map((c) => c.value)).not.toContain('file');
    const nodes = [n('a', { color: 'rgb(255,0,0)' }), n('b', { color: '#00ff00' }), n('c', { color: '#ff0000' }), n('d')];
    expect(colourChoices(nodes).find((c) => c.value === 'file')?.label).toBe('As in the file');
    const c = colourNodes(nodes, 'file', null);
    expect(c.colors?.get('a')).toBe('#ff0000');
    expect(c.colors?.get('b')).toBe('#00ff00');
    expect(c.colors?.get('c')).toBe('#ff0000');
    expect(c.colors?.get('d')).not.toBe('#ff0000');
    expect(c.key?.type === 'categories' && c.key.items.map((i) => [i.color, i.count])).toEqual([['#ff0000', 2], ['#00ff00', 1]]);
    expect(c.key?.type === 'categories' && c.key.rest).toBe(1);
  });

  it('offers the file\'s sizes when a node has a positive numeric size', () => {
    expect(numericSizes([n('a', { size: 12.5 }), n('b')])).toBe(true);
    expect(numericSizes([n('a', { size: '12' }), n('b', { size: 0 })])).toBe(false);
  });
});
