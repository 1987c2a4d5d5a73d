/**
 * Who and what the generated site is made of: its users (names as WordPress stores them), category tree,
 * tags, the posts whose titles exercise WordPress's rendering, and the image names and sizes uploads use.
 */

export interface UserSpec {
  login: string;
  name: string;
  email: string;
  roles: string[];
  url: string;
  description: string;
  /** Relative share of generated posts; 0 = never publishes. */
  weight: number;
  /** Without `unfiltered_html`, kses stores `&` in titles as `&amp;`. */
  unfiltered: boolean;
}

export const USERS: UserSpec[] = [
  {
    login: 'jose',
    name: 'José Müller',
    email: 'jose@demo.example',
    roles: ['administrator'],
    url: 'https://josemuller.example',
    description: 'Founding editor. Writes about the web &amp; the people who build it.',
    weight: 3,
    unfiltered: true,
  },
  {
    login: 'siobhan',
    name: "Siobhán O'Brien",
    email: 'siobhan@demo.example',
    roles: ['author'],
    url: '',
    description: 'Food writer based in Cork. Firm opinions on butter.',
    weight: 3,
    unfiltered: false,
  },
  {
    login: 'meilin',
    name: 'Mei-Lin "May" Chen',
    email: 'meilin@demo.example',
    roles: ['author'],
    url: 'https://may.example.dev',
    description: '',
    weight: 4,
    unfiltered: false,
  },
  {
    login: 'francois',
    name: 'François Dubois-Lefèvre',
    email: 'francois@demo.example',
    roles: ['author'],
    url: '',
    description: 'Correspondent covering France, Spain and the western Mediterranean.',
    weight: 3,
    unfiltered: false,
  },
  {
    login: 'ngozi',
    name: 'Ngozi Adébáyọ̀',
    email: 'ngozi@demo.example',
    roles: ['author'],
    url: '',
    description: 'Science desk. Former field geologist.',
    weight: 2,
    unfiltered: false,
  },
  {
    login: 'editor',
    name: 'Ingrid Søndergaard',
    email: 'editor@demo.example',
    roles: ['editor'],
    url: '',
    description: 'Managing editor.',
    weight: 2,
    unfiltered: true,
  },
  {
    login: 'lukasz',
    name: 'Łukasz Wiśniewski',
    email: 'lukasz@demo.example',
    roles: ['contributor'],
    url: '',
    description: 'Contributor. First post coming soon.',
    weight: 0,
    unfiltered: false,
  },
];

export interface TermSpec {
  name: string;
  slug: string;
  parent?: string;
  description?: string;
}

export const CATEGORIES: TermSpec[] = [
  { name: 'Uncategorized', slug: 'uncategorized' },
  { name: 'World', slug: 'world', description: 'News and analysis from around the globe.' },
  { name: 'Europe', slug: 'europe', parent: 'world' },
  { name: 'France', slug: 'france', parent: 'europe' },
  { name: 'Spain', slug: 'spain', parent: 'europe' },
  { name: 'Africa', slug: 'africa', parent: 'world' },
  { name: 'The Maghreb', slug: 'the-maghreb', parent: 'africa', description: 'Morocco, Algeria, Tunisia, Libya and Mauritania.' },
  { name: 'Americas', slug: 'americas', parent: 'world' },
  { name: 'Technology', slug: 'technology', description: 'Software, the web, and the people who make them.' },
  { name: 'Web Development', slug: 'web-development', parent: 'technology' },
  { name: 'JavaScript', slug: 'javascript', parent: 'web-development' },
  { name: 'PHP', slug: 'php', parent: 'web-development' },
  { name: 'Open Source', slug: 'open-source', parent: 'technology' },
  { name: 'Food &amp; Drink', slug: 'food-drink', description: 'Recipes, restaurants &amp; the occasional rant.' },
  { name: 'Recipes', slug: 'recipes', parent: 'food-drink' },
  { name: 'Desserts', slug: 'desserts', parent: 'recipes' },
  { name: 'Café Culture', slug: 'cafe-culture', parent: 'food-drink' },
  { name: 'Science', slug: 'science' },
  { name: 'Archive', slug: 'archive', description: 'Older material, kept for reference.' },
];

export const TAGS: TermSpec[] = [
  { name: 'JavaScript', slug: 'javascript-2' },
  { name: 'Performance', slug: 'performance' },
  { name: 'GraphQL', slug: 'graphql' },
  { name: 'REST API', slug: 'rest-api' },
  { name: 'Tutorial', slug: 'tutorial' },
  { name: 'WordPress', slug: 'wordpress' },
  { name: 'PHP', slug: 'php-2' },
  { name: 'Security', slug: 'security' },
  { name: 'Open Source', slug: 'open-source-2' },
  { name: 'Community', slug: 'community' },
  { name: 'Politics', slug: 'politics' },
  { name: 'Elections', slug: 'elections' },
  { name: 'Climate', slug: 'climate' },
  { name: 'Travel', slug: 'travel' },
  { name: 'Economy', slug: 'economy' },
  { name: 'Diplomacy', slug: 'diplomacy' },
  { name: 'Baking', slug: 'baking' },
  { name: 'Vegetarian', slug: 'vegetarian' },
  { name: 'Crème brûlée', slug: 'creme-brulee' },
  { name: 'Coffee', slug: 'coffee' },
  { name: 'Cafés', slug: 'cafes' },
  { name: 'Space', slug: 'space' },
  { name: 'Research', slug: 'research' },
  { name: 'Q&amp;A', slug: 'qa', description: 'Reader questions, answered.' },
  { name: 'Longform', slug: 'longform', description: 'Nothing filed here yet.' },
];

/** Tag slugs in the corpus → the slug WordPress gave the tag (a tag sharing a category's slug gets `-2`). */
export const TAG_ALIASES: Record<string, string> = {
  javascript: 'javascript-2',
  php: 'php-2',
  'open-source': 'open-source-2',
  recipes: 'baking',
  'q-a': 'qa',
};

/** Posts whose titles exercise WordPress's rendering: entities, tags in titles, emoji, non-Latin slugs. */
export const SPECIAL_POSTS: { title: string; topic: number; slug?: string; author?: string }[] = [
  { title: 'Fish & Chips, Reconsidered', topic: 7, author: 'siobhan' },
  { title: 'Bread & Butter Pudding for a Crowd', topic: 7, author: 'jose' },
  { title: 'Stop Shipping &lt;div&gt; Soup', topic: 0, author: 'meilin' },
  { title: '"Just Use Postgres" --- A Skeptic\'s Review', topic: 1, author: 'editor' },
  { title: 'Launch Day 🚀: Our New Site Is Live', topic: 2, author: 'jose' },
  { title: 'The <em>Real</em> Cost of Third-Party Scripts', topic: 0, author: 'meilin' },
  { title: '東京の喫茶店ガイド', topic: 8, author: 'meilin' },
  { title: 'Καλημέρα from Thessaloniki', topic: 4, author: 'francois' },
  { title: 'Café au Lait: A Love Letter', topic: 8, slug: 'caf%c3%a9-au-lait-a-love-letter', author: 'siobhan' },
  { title: 'Q&A: What Readers Asked Us This Year', topic: 9, author: 'ngozi' },
  { title: "Why We're Leaving the Cloud... Partly", topic: 1, author: 'jose' },
  { title: 'Crème Brûlée, Three Ways', topic: 7, author: 'siobhan' },
];

export const IMAGE_NAMES = [
  'market-stall',
  'harbour-at-dawn',
  'server-rack',
  'laptop-and-coffee',
  'old-town-street',
  'tram-stop',
  'espresso-cup',
  'lemon-cake',
  'ice-core-sample',
  'conference-stage',
  'team-whiteboard',
  'olive-grove',
  'train-platform',
  'city-skyline',
  'keyboard-closeup',
  'bookshelf',
  'desert-road',
  'fishing-boats',
  'greenhouse',
  'telescope-dome',
  'bakery-window',
  'protest-march',
  'parliament-steps',
  'solar-farm',
];

export const SIZES: [name: string, w: number, h: number, crop: boolean][] = [
  ['thumbnail', 150, 150, true],
  ['medium', 300, 300, false],
  ['medium_large', 768, 0, false],
  ['large', 1024, 1024, false],
  ['1536x1536', 1536, 1536, false],
  ['2048x2048', 2048, 2048, false],
];

export const DIMENSIONS: [number, number][] = [
  [1920, 1280],
  [2048, 1365],
  [1600, 1067],
  [1200, 800],
  [2400, 1600],
  [1080, 1350],
  [800, 600],
  [1280, 720],
];

export const CAMERAS = ['Canon EOS R6', 'FUJIFILM X-T4', 'NIKON Z 6', 'iPhone 13 Pro', 'SONY ILCE-7M3'];
