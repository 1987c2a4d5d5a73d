import { describe, expect, it } from 'vitest';
import { cursorToOffset, offsetToCursor, sliceConnection, windowFor, pagedConnection } from '../../src/schema/connections.ts';

const items = Array.from({ length: 25 }, (_, i) => i + 1);

describe('windowFor', () => {
  it('defaults to the first 10, as WPGraphQL', () => {
    expect(windowFor({})).toEqual({ offset: 0, limit: 10, reverse: false, backward: false });
  });

  it('continues after a cursor', () => {
    expect(windowFor({ first: 5, after: offsetToCursor(9) })).toMatchObject({ offset: 10, limit: 5 });
  });

  it('reads `last` without `before` from the end', () => {
    expect(windowFor({ last: 3 })).toEqual({ offset: 0, limit: 3, reverse: true, backward: true });
  });

  it('reads `last` before a cursor', () => {
    expect(windowFor({ last: 3, before: offsetToCursor(10) })).toEqual({ offset: 7, limit: 3, reverse: false, backward: true });
  });

  it('serves first/last over 100 as 100, as WPGraphQL does', () => {
    expect(windowFor({ first: 10_000 })).toMatchObject({ offset: 0, limit: 100 });
    expect(windowFor({ last: 500, before: offsetToCursor(300) })).toMatchObject({ offset: 200, limit: 100 });
  });

  it('reads offset pagination', () => {
    expect(windowFor({ where: { offsetPagination: { offset: 20, size: 5 } } })).toMatchObject({ offset: 20, limit: 5 });
  });

  it.each([
    [{ first: 1, last: 1 }, /cannot be used together/],
    [{ where: { offsetPagination: { offset: 0, size: 101 } } }, /at most 100/],
    [{ first: -1 }, /whole number from 0 to 100/],
    [{ last: -500 }, /whole number from 0 to 100/],
    [{ after: 'bm90IGEgY3Vyc29y' }, /not a cursor this gateway gave out/],
    [{ first: 2, where: { offsetPagination: { offset: 0 } } }, /cannot be combined/],
    [{ where: { offsetPagination: { offset: -5 } } }, /offset/],
  ])('rejects %j with BAD_USER_INPUT', (args, message) => {
    let error: unknown;
    try {
      windowFor(args as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('cursors', () => {
  it('round-trip positions and are opaque base64', () => {
    expect(cursorToOffset(offsetToCursor(42), 'after')).toBe(42);
    expect(offsetToCursor(0)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe('sliceConnection', () => {
  it('pages forward with totals and cursors that continue', () => {
    const page1 = sliceConnection(items, { first: 10 });
    expect(page1.nodes).toEqual(items.slice(0, 10));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, total: 25 });
    const page3 = sliceConnection(items, {
      first: 10,
      after: sliceConnection(items, { first: 10, after: page1.pageInfo.endCursor }).pageInfo.endCursor,
    });
    expect(page3.nodes).toEqual(items.slice(20));
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('gives the last items in list order', () => {
    const last = sliceConnection(items, { last: 3 });
    expect(last.nodes).toEqual([23, 24, 25]);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(cursorToOffset(last.edges[0]!.cursor, 'before')).toBe(22);
  });

  it('reports offset pagination facts', () => {
    const page = sliceConnection(items, { where: { offsetPagination: { offset: 20, size: 10 } } });
    expect(page.nodes).toEqual(items.slice(20));
    expect(page.pageInfo.offsetPagination).toEqual({ total: 25, hasMore: false, hasPrevious: true });
  });
});

describe('pagedConnection', () => {
  it('asks the source for the window and reverses a `last` read', async () => {
    const calls: unknown[] = [];
    const connection = await pagedConnection({ last: 2 }, async (offset, limit, flipped) => {
      calls.push([offset, limit, flipped]);
      return { items: [25, 24], total: 25 };
    });
    expect(calls).toEqual([[0, 2, true]]);
    expect(connection.nodes).toEqual([24, 25]);
    expect(cursorToOffset(connection.pageInfo.startCursor!, 'before')).toBe(23);
  });

  it('still asks for one item when `first: 0`, to learn the total', async () => {
    const connection = await pagedConnection({ first: 0 }, async (_o, limit) => ({ items: items.slice(0, limit), total: 25 }));
    expect(connection.nodes).toEqual([]);
    expect(connection.pageInfo.total).toBe(25);
  });
});
