import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../contract/harness.ts';

/**
 * GraphiQL in a real browser: Debian's Chromium, driven by playwright-core (no browser download), opens
 * /graphql, runs the example query and sees post data in the result pane. Every request the page makes is
 * recorded; none may leave the machine (GraphiQL's assets are bundled, not loaded from a CDN).
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let h: Harness;
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  h = await startHarness();
  profile = mkdtempSync(join(tmpdir(), 'gw-chromium-'));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('GraphiQL', () => {
  it('runs the example query and shows post data, with no request leaving the machine', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      const host = new URL(url).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });

    await page.goto(`${h.gateway.url}/graphql`);
    await page.getByRole('button', { name: /execute query/i }).click();
    const result = page.locator('.result-window, .graphiql-response').first();
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('"posts"');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('"nodes"');
    expect(text).not.toContain('"errors"');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/graphiql.png' });

    const external = requested.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname));
    expect(external).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphql'))).toBe(true);
  });
});
