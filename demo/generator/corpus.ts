/**
 * The words the generator builds posts from: per topic, the categories and tags it files under, subjects
 * for title templates, and sentences for paragraphs. Written as an author would type them (straight quotes,
 * `--`, `...`, `&`); `wp-format.ts` renders them the way WordPress does.
 */

export interface Topic {
  /** Category slugs (most specific first); the first is always assigned, the others sometimes. */
  categories: string[];
  /** Tag slugs a post on this topic may carry. */
  tags: string[];
  /** Title templates: `{s}` is a subject, `{n}` a small number, `{y}` the post's year. */
  titles: string[];
  subjects: string[];
  sentences: string[];
  /** Section headings for long posts. */
  headings: string[];
}

export const TOPICS: Topic[] = [
  {
    categories: ['javascript', 'web-development', 'technology'],
    tags: ['javascript', 'performance', 'graphql', 'rest-api', 'tutorial'],
    titles: [
      'Why {s} Still Matters in {y}',
      "{n} Things I Wish I'd Known About {s}",
      'A Practical Guide to {s}',
      'Rethinking {s} From First Principles',
      'What We Learned Migrating to {s}',
      'The "Boring" Case for {s}',
      '{s} -- Notes From a Production Outage',
      'Debugging {s}: A Field Guide',
    ],
    subjects: [
      'Server-Side Rendering',
      'DataLoader Batching',
      'GraphQL Persisted Queries',
      'Edge Caching',
      'Web Components',
      'Streaming HTML',
      'TypeScript Strict Mode',
      'Service Workers',
      'Bundle Splitting',
      'Node.js Workers',
      'ES Modules',
      'HTTP/2 Push',
      'Incremental Static Regeneration',
    ],
    sentences: [
      'Most of the latency we measured came from waterfalls, not from any single slow request.',
      'Batching the lookups turned forty round trips into three, and the page stopped feeling sluggish.',
      'The first version worked fine on a laptop and fell over the moment real traffic arrived.',
      'We kept the cache small on purpose: a cache you cannot reason about is a bug you have not met yet.',
      "It's tempting to reach for a framework here, but the platform already does most of the work.",
      'A profiler told us in ten minutes what a week of guessing had not.',
      'Every abstraction leaks eventually; the question is whether it leaks somewhere you can see.',
      'The "quick fix" we shipped in March was still in production a year later -- they always are.',
      'Types caught two of the three regressions before review; the third was a timezone.',
      'We measured before and after on the same machine, with the same data, three runs each.',
      'Reading the upstream source answered questions the documentation never raised.',
      'The error messages were the real product: clear messages halved our support tickets.',
      'Nothing about this is new... it is just easy to forget under a deadline.',
      'The benchmark looked great until we added realistic payloads & authentication.',
      'In the end we deleted more code than we wrote, which is usually a good sign.',
    ],
    headings: ['What We Measured', 'The Fix', 'Why It Works', "What We'd Do Differently", 'Further Reading'],
  },
  {
    categories: ['php', 'web-development', 'technology'],
    tags: ['wordpress', 'php', 'rest-api', 'security', 'performance'],
    titles: [
      'Hardening {s} Without Breaking Plugins',
      '{s}: What Changed and Why It Matters',
      'Profiling {s} on a Budget',
      'A Gentle Introduction to {s}',
      'Is {s} Worth It? A Year In',
    ],
    subjects: [
      'WordPress Multisite',
      'Application Passwords',
      'Object Caching',
      'the REST API',
      'WP-Cron',
      'Block Themes',
      'PHP 8 Attributes',
      'OPcache Preloading',
      'Composer Autoloading',
      'Full-Site Editing',
    ],
    sentences: [
      'WordPress powers a huge share of the web, so small defaults have enormous consequences.',
      'The REST API answers every collection with totals in the headers, which makes pagination cheap.',
      'We moved the scheduled jobs to a real cron and the random slow page loads disappeared.',
      'Object caching only helps if the keys are stable; ours were not, at first.',
      'Application passwords let a script act as a user without ever touching the login form.',
      'Plugins that hook into every request add up faster than anyone expects.',
      "The editor's experience improved the day we stopped fighting the block markup.",
      "PHP's opcode cache did more for us than any micro-optimisation in our own code.",
      'Security reviews are cheaper when each plugin does one thing and says so.',
      'A staging site that mirrors production is the best insurance we ever bought.',
      'We read the core controllers line by line to learn which parameters are really honoured.',
      'Multisite is powerful & occasionally bewildering -- plan the domains before anything else.',
    ],
    headings: ['Background', 'The Setup', 'Results', 'Caveats'],
  },
  {
    categories: ['open-source', 'technology'],
    tags: ['open-source', 'community', 'wordpress', 'javascript'],
    titles: [
      'Maintaining {s}: Lessons From {n} Years',
      'How {s} Handles Contributions',
      "Funding {s} Is Everyone's Problem",
      'The Quiet Work Behind {s}',
    ],
    subjects: [
      'a Popular Library',
      'Our Plugin Directory Listing',
      'the Translation Team',
      'a Small Parser',
      'the Documentation Site',
      'Our Release Process',
      'a Decade-Old Codebase',
    ],
    sentences: [
      'Most contributions start with a typo fix and a nervous pull request.',
      'Saying no kindly is the most underrated skill a maintainer can learn.',
      'Good first issues only work if someone is around to answer questions.',
      'Our changelog is written for the people upgrading, not for the people who wrote the code.',
      'Burnout rarely announces itself; it shows up as slower and slower replies.',
      'Sponsorship paid for a security audit we could never have afforded otherwise.',
      'Translators found bugs in our strings that no English speaker would ever notice.',
      'A release checklist turned a stressful afternoon into a boring twenty minutes.',
    ],
    headings: ['Where It Started', 'What Worked', "What Didn't"],
  },
  {
    categories: ['france', 'europe', 'world'],
    tags: ['politics', 'elections', 'climate', 'travel'],
    titles: [
      'In {s}, a Quiet Shift in How People Vote',
      'Letter From {s}',
      '{s} After the Floods: What Comes Next',
      'Why {s} Is Rethinking Its Trains',
    ],
    subjects: ['Lyon', 'Marseille', 'Brittany', 'the Loire Valley', 'Lille', 'Toulouse', 'Strasbourg'],
    sentences: [
      'The regional council met late into the night, and the vote surprised almost everyone.',
      'Farmers in the valley say the seasons no longer arrive when they used to.',
      'The new tram line was late and over budget, and it is also full every morning.',
      'Local papers have covered the story for months; national outlets arrived last week.',
      'At the market on Saturday, nobody wanted to talk about politics -- and then everybody did.',
      'Young voters turned out in numbers the pollsters had not predicted.',
      "The mayor's office declined to comment, citing the ongoing inquiry.",
      'Tourism is back, but the businesses that closed during the lockdowns are not.',
      'Rail strikes are a ritual here, and so is the grumbling that follows them.',
    ],
    headings: ['The Background', 'On the Ground', 'What Happens Next'],
  },
  {
    categories: ['spain', 'europe', 'world'],
    tags: ['politics', 'travel', 'climate', 'economy'],
    titles: ['{s} and the Long Summer', 'What {s} Tells Us About Europe', 'A Week in {s}'],
    subjects: ['Valencia', 'Seville', 'Bilbao', 'the Canary Islands', 'Catalonia', 'Madrid'],
    sentences: [
      'The heat arrived in May this year, weeks ahead of the usual calendar.',
      'Water restrictions are now a normal part of life in the south.',
      'The port has doubled its traffic in a decade, reshaping the neighbourhoods around it.',
      'Housing costs dominate every conversation, from cafés to the regional parliament.',
      'The coalition holds, for now, on a majority of two seats.',
      'Tourism records were broken again, and so was the patience of many residents.',
    ],
    headings: ['Context', 'Voices', 'Outlook'],
  },
  {
    categories: ['the-maghreb', 'africa', 'world'],
    tags: ['politics', 'security', 'economy', 'diplomacy'],
    titles: ['{s}: A New Chapter in Regional Cooperation?', 'Why {s} Matters to Europe', "Inside {s}'s Energy Bet"],
    subjects: ['Morocco', 'Tunisia', 'Algeria', 'the Strait of Gibraltar', 'Rabat', 'Casablanca'],
    sentences: [
      'Officials described the talks as constructive, a word that hides as much as it reveals.',
      'Solar capacity has grown faster than any forecast made five years ago.',
      'The port expansion is meant to make the region a gateway between two continents.',
      'Migration remains the issue that shapes every summit, whatever the agenda says.',
      'Security cooperation has quietly deepened even as political relations stalled.',
      'Analysts caution that announcements and implementation are two very different things.',
    ],
    headings: ['Why Now?', 'The Stakes', 'A Cautious Outlook'],
  },
  {
    categories: ['americas', 'world'],
    tags: ['politics', 'economy', 'climate', 'elections'],
    titles: ['{s} at a Crossroads', 'The View From {s}', 'How {s} Is Adapting to a Hotter Decade'],
    subjects: ['Mexico City', 'Montréal', 'São Paulo', 'Bogotá', 'Patagonia', 'the Amazon Basin'],
    sentences: [
      'The drought has turned a once-reliable river into a series of shallow pools.',
      'City planners are painting roofs white and planting trees on every spare corner.',
      'Inflation has cooled, but shoppers say their baskets tell a different story.',
      'The election campaign has been long, loud and, so far, remarkably close.',
      'Indigenous communities are demanding a seat at tables that were built without them.',
    ],
    headings: ['The Picture Today', 'Pressure Points', 'What to Watch'],
  },
  {
    categories: ['desserts', 'recipes', 'food-drink'],
    tags: ['recipes', 'baking', 'vegetarian', 'creme-brulee'],
    titles: ["The Only {s} Recipe You'll Need", '{s}, Three Ways', 'Getting {s} Right at Home', 'A Weeknight {s}'],
    subjects: ['Crème Brûlée', 'Tarte Tatin', 'Lemon Drizzle Cake', 'Pistachio Financiers', 'Clafoutis', 'Pavlova'],
    sentences: [
      'Use the best butter you can find; there is nowhere for it to hide.',
      'Bring the eggs to room temperature first, or the custard will split.',
      'A water bath feels fussy, but it is the difference between silky and grainy.',
      'Let it rest overnight -- the flavour is noticeably better the next day.',
      "If the caramel smells bitter, you have gone too far; start again, it's only sugar.",
      'Weigh the flour: cups are a guess, grams are a promise.',
      'Serve it slightly warm with a spoonful of crème fraîche.',
      "My grandmother's version used twice the sugar and none of the patience.",
    ],
    headings: ['Ingredients', 'Method', 'Tips & Variations'],
  },
  {
    categories: ['cafe-culture', 'food-drink'],
    tags: ['coffee', 'travel', 'cafes'],
    titles: ['The Best Cafés in {s}', 'Coffee & Conversation in {s}', 'Why {s} Runs on Espresso'],
    subjects: ['Lisbon', 'Vienna', 'Melbourne', 'Kyoto', 'Naples', 'Oslo'],
    sentences: [
      'The barista pulled the shot, tasted it, and threw it away without a word.',
      'Regulars have their own cups hanging on hooks behind the counter.',
      'A flat white here costs less than a bus ticket and lasts longer.',
      'The café has been open since 1923 and the menu has barely changed.',
      'Nobody brings a laptop; it would feel like bringing a suitcase to dinner.',
      'The roaster sources from three farms and visits each of them every year.',
    ],
    headings: ['Where to Go', 'What to Order', 'When to Visit'],
  },
  {
    categories: ['science'],
    tags: ['climate', 'space', 'research', 'q-a'],
    titles: ['What {s} Can Teach Us About Climate', 'A Short History of {s}', '{s}, Explained', 'Q&A: Inside {s}'],
    subjects: ['Ice Cores', 'Deep-Sea Vents', 'the James Webb Telescope', 'Coral Reefs', 'Soil Microbes', 'Gravitational Waves'],
    sentences: [
      'The data set spans eight hundred thousand years, layer by frozen layer.',
      'Researchers were surprised by how quickly the system recovered once pressure eased.',
      'Every measurement comes with an error bar, and the error bars are the interesting part.',
      'The instrument had to survive temperatures colder than anything on Earth.',
      'Peer review took fourteen months; the replication took another two years.',
      'A single sample can hold more microbial species than there are birds in Europe.',
      'The model is not a prediction, it is a range of plausible futures.',
    ],
    headings: ['The Question', 'The Evidence', 'Open Problems'],
  },
];

/** Hand-written excerpts some authors add. */
export const MANUAL_EXCERPTS = [
  'A short read on what actually moved the numbers -- and what did not.',
  'Notes from the field, written up before the details faded.',
  'The short version: measure first, then decide.',
  "Everything we got wrong the first time, so you don't have to.",
  'A recipe that rewards patience more than skill.',
  'What the headlines missed, from people who were there.',
];

/** Guest commenters (no account: `author: 0`). */
export const GUEST_COMMENTERS = [
  { name: 'Marta Kowalczyk', email: 'marta.k@example.org', url: 'https://marta.example.org' },
  { name: 'Tomás Ó Súilleabháin', email: 'tomas@example.ie', url: '' },
  { name: 'Priya N.', email: 'priya.n@example.com', url: '' },
  { name: 'Dave "the Coffee Guy" Smith', email: 'dave@example.net', url: 'https://coffee.example.net' },
  { name: 'Ana Lúcia', email: 'ana.lucia@example.com.br', url: '' },
  { name: 'Kenji Watanabe', email: 'kenji@example.jp', url: 'https://kenji.example.jp/blog' },
  { name: 'anonymous reader', email: 'reader@example.com', url: '' },
  { name: 'Fatima Zahra El Idrissi', email: 'fz.elidrissi@example.ma', url: '' },
];

export const COMMENT_SENTENCES = [
  'Great write-up, thanks for sharing the numbers.',
  "I ran into exactly this last month -- wish I'd read this first.",
  'Could you say more about how you measured this?',
  'This matches what we saw, although our results were less dramatic.',
  "I'm not sure I agree with the conclusion, but the analysis is solid.",
  'Bookmarked. The section on caching alone was worth it.',
  'Does this still hold with the latest version?',
  'We tried the same approach & ended up reverting it. Different workload, maybe.',
  'Thank you! Clear, practical, and no hype.',
  'Small correction: the figure in the second paragraph looks off by one.',
  'Made this last weekend and it was a hit.',
  "Beautifully written. I've shared it with my team.",
  'Interesting -- what would you do differently next time?',
];

export const REPLY_SENTENCES = [
  "Thanks! Good question -- I'll add a note about that.",
  'Yes, it still holds; we re-ran it last week.',
  'Fair point. The workload matters a lot here.',
  'Agreed, and thanks for the correction.',
  'We measured with the same data set, three runs each.',
  'Glad it helped!',
];

export const SPAM_COMMENTS = [
  'Best cheap watches online!!! Visit my site for amazing deals <a href="http://spam.example.com">click</a>',
  'Nice post. I make $500/day from home, ask me how.',
];
