// Shared helpers for the end-to-end tests.
const fs = require('fs');
const path = require('path');

const SHOTS = path.join(__dirname, 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

/** Records every request the page makes, and every CSP violation or page error. */
function watch(page) {
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push({ url: r.url(), method: r.method(), body: r.postData() || '', at: Date.now() }));
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  return log;
}

/** Fails on any request that is not a same-origin GET, or that carries any of `secrets`. */
function assertPrivate(expect, log, origin, secrets) {
  for (const r of log.requests) {
    const u = new URL(r.url);
    if (u.protocol === 'blob:' || u.protocol === 'data:') continue;
    expect(u.origin, `request to another origin: ${r.url}`).toBe(origin);
    expect(r.method, `non-GET request: ${r.method} ${r.url}`).toBe('GET');
    for (const s of secrets) {
      expect(decodeURIComponent(r.url).includes(s), `request URL carries story text: ${r.url}`).toBe(false);
      expect(r.body.includes(s), `request body carries story text: ${r.url}`).toBe(false);
    }
  }
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Loads the app and waits until the wasm has rendered the editor. */
async function openApp(page, url = './') {
  await page.goto(url);
  await page.getByTestId('story-input').waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * A synthetic story of exactly `count` words with identifiers spread through it (an email and a
 * date every 25 sentences, a phone number every 25 sentences), ending with `ending`. With
 * `paragraphWords`, a blank line ends the first sentence after every that many words.
 */
function longStory(count, ending, { paragraphWords = 0 } = {}) {
  const sentences = [
    'The clinic was quiet that morning and the rain had not stopped since dawn.',
    'We talked for a long time about her garden, her grandchildren and the long walk to the bus.',
    'Her breathing was better than at the last visit, although the cough came back at night.',
    'I wrote the plan down twice so that she could read it again at home.',
  ];
  const words = [];
  let i = 0;
  const endingWords = `That was the last time I saw her. ${ending}`.split(' ');
  while (words.length < count - endingWords.length) {
    if (i % 25 === 7) words.push(...`She emailed from patient${i}@example.org on 3/${(i % 28) + 1}/2024.`.split(' '));
    else if (i % 25 === 19) words.push(...`Her neighbour called me on (617) 555-${String(1000 + i).slice(-4)} that evening.`.split(' '));
    else words.push(...sentences[i % sentences.length].split(' '));
    i++;
  }
  const all = words.slice(0, count - endingWords.length).concat(endingWords);
  if (!paragraphWords) return all.join(' ');
  let out = all[0];
  let since = 1;
  for (let w = 1; w < all.length; w++) {
    const breakHere = since >= paragraphWords && all[w - 1].endsWith('.');
    out += (breakHere ? '\n\n' : ' ') + all[w];
    since = breakHere ? 1 : since + 1;
  }
  return out;
}

module.exports = { watch, assertPrivate, shot, openApp, longStory };
