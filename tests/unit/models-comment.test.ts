import { describe, expect, it } from 'vitest';
import { commentAuthorAvatar, commentContent, toCommentAuthorModel, toCommentModel } from '../../src/models/comment.ts';
import type { RestComment } from '../../src/wordpress/rest-types.ts';
import { gid, site } from './models-fixtures.ts';

function comment(overrides: Partial<RestComment>): RestComment {
  return {
    id: 9,
    post: 10,
    parent: 0,
    author: 0,
    author_name: 'Guest &amp; co',
    author_url: '',
    date: '2025-04-23T17:53:42',
    date_gmt: '2025-04-23T15:53:42',
    content: { rendered: '<p>Nice &#8220;post&#8221;</p>\n' },
    link: 'https://example.org/caf%c3%a9/#comment-9',
    status: 'approved',
    type: 'comment',
    author_avatar_urls: {
      '24': 'https://secure.gravatar.com/avatar/abc123?s=24&d=mm&r=g',
      '48': 'https://secure.gravatar.com/avatar/abc123?s=48&d=mm&r=g',
      '96': 'https://secure.gravatar.com/avatar/abc123?s=96&d=mm&r=g',
    },
    ...overrides,
  };
}

describe('toCommentModel', () => {
  const model = toCommentModel(comment({}), site);

  it('prints dates in MySQL format, not ISO', () => {
    expect(model.date).toBe('2025-04-23 17:53:42');
    expect(model.dateGmt).toBe('2025-04-23 15:53:42');
  });

  it('maps ids, status and relations', () => {
    expect(model.id).toBe(gid('comment', 9));
    expect(model.commentId).toBe(9);
    expect(model.status).toBe('APPROVE');
    expect(model.approved).toBe(true);
    expect(model.type).toBe('comment');
    expect(model.commentedOnDatabaseId).toBe(10);
    expect(model.commenterUserDatabaseId).toBeNull();
    expect(model.isRestricted).toBe(true);
    expect([model.isComment, model.isContentNode, model.isTermNode]).toEqual([true, false, false]);
  });

  it('gives top-level comments parentDatabaseId 0 and parentId null', () => {
    expect(model.parentDatabaseId).toBe(0);
    expect(model.parentId).toBeNull();
    const reply = toCommentModel(comment({ id: 11, parent: 9 }), site);
    expect(reply.parentDatabaseId).toBe(9);
    expect(reply.parentId).toBe(gid('comment', 9));
  });

  it('urldecodes the link and keeps the fragment in uri', () => {
    expect(model.link).toBe('https://example.org/café/#comment-9');
    expect(model.uri).toBe('/café/#comment-9');
  });

  it('keeps the rendered content as HTML; RAW is null', () => {
    expect(commentContent(model, {})).toBe('<p>Nice &#8220;post&#8221;</p>\n');
    expect(commentContent(model, { format: 'RAW' })).toBeNull();
  });

  it('maps held comments', () => {
    const held = toCommentModel(comment({ status: 'hold' }), site);
    expect(held.status).toBe('HOLD');
    expect(held.approved).toBe(false);
  });

  it('names the registered commenter', () => {
    expect(toCommentModel(comment({ author: 4 }), site).commenterUserDatabaseId).toBe(4);
  });
});

describe('CommentAuthor', () => {
  it('is keyed by the comment id; url is "" when empty; name is raw', () => {
    const author = toCommentAuthorModel(toCommentModel(comment({}), site));
    expect(author.__typename).toBe('CommentAuthor');
    expect(author.id).toBe(gid('comment_author', 9));
    expect(author.databaseId).toBe(9);
    expect(author.name).toBe('Guest &amp; co');
    expect(author.url).toBe('');
    expect(author.email).toBeNull();
    expect(author.isRestricted).toBe(false);
    expect(commentAuthorAvatar(author, { size: 64 })?.url).toBe('https://secure.gravatar.com/avatar/abc123?s=64&d=mm&r=g');
  });

  it('has no avatar when the guest left no email (empty Gravatar hash)', () => {
    const author = toCommentAuthorModel(
      toCommentModel(comment({ author_avatar_urls: { '96': 'https://secure.gravatar.com/avatar/?s=96&d=mm&r=g' } }), site),
    );
    expect(commentAuthorAvatar(author, {})).toBeNull();
  });

  it('gives the edge its name and url', () => {
    const model = toCommentModel(comment({ author_url: 'https://guest.example' }), site);
    expect(model._authorEdge).toEqual({ name: 'Guest &amp; co', url: 'https://guest.example', email: null, ipAddress: null });
  });
});
