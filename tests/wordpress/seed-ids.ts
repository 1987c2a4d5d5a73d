/**
 * What tests/wordpress/seed.php creates, for tests that need ids. Kept by hand next to seed.php;
 * rest-ground-truth.test.ts checks every value here against the running site, so they cannot drift apart
 * silently. Bump SEED_VERSION with any change to seed.php (start.sh then reseeds).
 */
export const SEED_VERSION = '4';

export const SEED = {
  /** Site settings. */
  site: {
    name: 'WPGraphQL Gateway test site',
    description: `Seeded by tests/wordpress/seed.php — seed ${SEED_VERSION}`,
    timezone: 'Europe/Paris',
    permalinkStructure: '/%year%/%monthnum%/%day%/%postname%/',
  },
  counts: {
    /** Posts an anonymous reader sees (X-WP-Total of /wp/v2/posts): 240 regular + the password post. */
    publishedPosts: 241,
    /** Published pages (anonymous /wp/v2/pages). */
    publishedPages: 4,
    /** All media (attachments); media are public whatever their parent. */
    media: 27,
    categories: 12,
    tags: 12,
    /** Users listed anonymously (those with published posts): admin, editor, zoe, jl. */
    usersAnonymous: 4,
    usersTotal: 6,
    /** Anonymous /wp/v2/comments X-WP-Total. */
    commentsTotalHeader: 125,
    /** Comments actually returned anonymously: the header also counts the comment on the password post. */
    commentsVisibleAnonymously: 124,
    /** Posts with a featured image: 100, 103, …, 337 (every third) and 340. */
    postsWithFeaturedImage: 81,
  },
  users: { admin: 1, editor: 2, zoe: 3, jl: 4, hidden: 5, subscriber: 6 },
  userNames: {
    1: 'Site Admin',
    2: 'Élodie Éditrice',
    3: 'Zoë O’Brien-Ångström',
    4: 'Jean-Luc "JL" D\'Arcy',
    5: 'Hélène Cachée',
    6: 'Sam Subscriber',
  },
  posts: {
    /** Regular published posts are 100..339, oldest first, one every 3 days from 2022-01-03. */
    firstRegular: 100,
    lastRegular: 339,
    /** Sticky posts (sticky_posts option order). */
    sticky: [100, 250],
    /** Titles that break naive decoding (see README for their `title.rendered`). */
    curlyQuotesAmpersandEmoji: 101,
    straightQuotesAndEm: 102,
    alreadyEncoded: 103,
    emojiTitle: 104,
    longTitle: 105,
    /** Published with an empty title: its slug is "106". */
    emptyTitle: 106,
    /** Threaded comments, including held, spam and trashed ones. */
    threadedComments: 110,
    /** Has a pingback (hidden from the default `type=comment` list). */
    pingback: 111,
    /** Parent of the PDF attachment 2024. */
    withPdf: 102,
    /** Published, password `letmein`, the newest published post (first in default lists). */
    password: 340,
    private: 341,
    /** Draft by the hidden author (floating date: no date_gmt of its own). */
    draft: 342,
    /** Pending review, by the hidden author. */
    pending: 343,
    /** status future, dated 2099-01-01 09:00 Paris. */
    scheduled: 344,
    trash: 345,
  },
  postPassword: 'letmein',
  pages: { about: 1000, team: 1001, leadership: 1002, contact: 1003, draft: 1004, private: 1005 },
  categories: {
    uncategorized: 1,
    news: 2,
    world: 3,
    europe: 4,
    local: 5,
    technology: 6,
    programming: 7,
    php: 8,
    javascript: 9,
    artsCulture: 10,
    music: 11,
    /** No posts. */
    empty: 12,
  },
  tags: {
    graphql: 13,
    restApi: 14,
    wordpress: 15,
    cafe: 16,
    qAndA: 17,
    launch: 18,
    zurich: 19,
    longRead: 20,
    photo: 21,
    video: 22,
    interview: 23,
    quotes: 24,
  },
  media: {
    /** Images 2000..2023, featured on posts 100 + 3k (k = 0..79) as image 2000 + k % 24. */
    firstImage: 2000,
    lastImage: 2023,
    /** application/pdf attached to post 102: media_details.sizes is {}. */
    pdf: 2024,
    /** Unattached image (post: null), featured image of the password post. */
    unattached: 2025,
    /** 96×64 PNG: too small for any intermediate size, media_details.sizes is {}. */
    noSizes: 2026,
  },
  comments: {
    /** On post 110: 2 → 3 → 4 (three levels), 2 → 9, and 5 top-level: all approved. */
    top: 2,
    reply: 3,
    replyToReply: 4,
    secondTopLevel: 5,
    hold: 6,
    spam: 7,
    trash: 8,
    secondReply: 9,
    /** Held reply to 3. */
    holdReply: 10,
    /** Pingback on post 111. */
    pingback: 11,
    /** Approved, on the password post 340. */
    onPasswordPost: 12,
  },
  /** Nav menus (seed.php `wpgw_seed_menus()`): term ids follow the other terms; item ids are fixed. */
  menus: {
    /** At `primary` and `primary-menu`: items 4000–4006 (4002 under 4001, 4004 under 4003). */
    main: 26,
    /** At `footer`: items 4010, 4011. */
    footer: 27,
    /** At no location: item 4020; WPGraphQL shows it only to users with edit_theme_options. */
    unassigned: 28,
  },
  menuItems: {
    home: 4000,
    about: 4001,
    team: 4002,
    news: 4003,
    graphqlTag: 4004,
    post101: 4005,
    external: 4006,
    contact: 4010,
    privacy: 4011,
    unassigned: 4020,
  },
  /**
   * Revisions (seed.php `wpgw_seed_revisions()`), on existing content: no list or total changes. The newest
   * revision of each parent is what `_links.predecessor-version` names and `asPreview` answers.
   */
  revisions: {
    /** Post 337 (the editor's): revisions 5000, 5001, then the editor's autosave 5002 (the newest). */
    post: 337,
    postRevisions: [5000, 5001],
    postAutosave: 5002,
    /** Page 1003 (Contact): revision 5003. */
    page: 1003,
    pageRevision: 5003,
    /** Draft post 342: revision 5004 by the editor. */
    draft: 342,
    draftRevision: 5004,
  },
  /** Registered by wpgw-menu-locations.php; `social` has no menu. */
  menuLocations: ['primary', 'footer', 'primary-menu', 'social'],
} as const;
