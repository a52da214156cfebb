import { describe, expect, it } from 'vitest';
import { fetchFailure } from '../../../src/state/fetch-answer.ts';

describe('fetchFailure', () => {
  it('says not found for a 404, and for a web page sent in place of a graph file', () => {
    expect(fetchFailure(404, 'Not Found', 'text/html', 'nope.json')).toBe('not found (404)');
    expect(fetchFailure(200, 'OK', 'text/html; charset=utf-8', 'nope.json')).toMatch(/^not found \(404\)/);
  });
  it('names other statuses, and takes a file served as it is', () => {
    expect(fetchFailure(500, 'Internal Server Error', null, 'g.json')).toBe('the server answered 500 Internal Server Error');
    expect(fetchFailure(200, 'OK', 'application/json', 'g.json')).toBeNull();
    expect(fetchFailure(200, 'OK', 'application/octet-stream', 'g.gexf')).toBeNull();
    expect(fetchFailure(200, 'OK', 'text/html', 'export.html')).toBeNull();
  });
});
