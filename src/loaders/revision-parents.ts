import type { Collection } from '../wordpress/rest-types.ts';

/** The record a revision revises: REST reads a revision only under its parent (`/<type>/<parent>/revisions/<id>`). */
export interface RevisionParent {
  collection: Collection;
  parent: number;
}

/**
 * Most revisions remembered per site; the oldest learned is forgotten first. 10,000 entries are well under a MiB.
 * @default 10_000
 */
const MAX_REMEMBERED = 10_000;

const bySite = new WeakMap<object, Map<number, RevisionParent>>();

/**
 * Remembers which record a revision belongs to, as a record's `_links.predecessor-version` told it (WordPress shows
 * that link to every viewer, so the pair is public; nothing of the revision itself is kept). Faust.js previews look
 * a revision up by its own id (the seed query's `databaseId` of `contentNode(asPreview: true)` is the revision's,
 * then the template asks `post(id: <that id>, asPreview: true)`), which REST cannot serve without the parent.
 * `site` is the object the pairs belong to (the gateway's SiteContext: one per process and site). In-process only:
 * another gateway instance that has not read the parent's links does not know the pair (docs/compatibility.md).
 */
export function learnRevisionParent(site: object, revision: number, parent: RevisionParent): void {
  let known = bySite.get(site);
  if (!known) {
    known = new Map();
    bySite.set(site, known);
  }
  known.delete(revision);
  known.set(revision, parent);
  if (known.size > MAX_REMEMBERED) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) known.delete(oldest);
  }
}

/** The record a revision belongs to, when this process has read its links (see {@link learnRevisionParent}). */
export function revisionParentOf(site: object, revision: number): RevisionParent | undefined {
  return bySite.get(site)?.get(revision);
}
