// Drives the Neo4j Browser served by a Neo4j server (tools/neo4j/start) in a real, headless
// Chromium: connects with the credentials of NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, runs library
// queries from cypher/ as a user would (their `:param` header lines, then the file pasted into the
// editor), applies cypher/blocs.grass with `:style`, and reports what the Browser shows as JSON on
// stdout: the rows of a table result, and the fill colors of the nodes drawn in a graph result.
// tests/test_browser.py runs it and checks the report.
//
//   . .neo4j/neo4j.env && node tools/browser_check.mjs --screenshot docs/img/browser_session_graph.png
//
// Options: --chromium PATH (default /usr/bin/chromium, or CHROMIUM), --table QUERY, --graph QUERY
// (names of cypher/ files; defaults allies_in_session, browser_session_graph), --screenshot PNG.
// Nothing leaves 127.0.0.1: Chromium gets a dead proxy for every other host, and every request
// the page makes elsewhere is aborted (and listed in the report as `blocked`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    table: { type: 'string', default: 'allies_in_session' },
    graph: { type: 'string', default: 'browser_session_graph' },
    grass: { type: 'string', default: join(ROOT, 'cypher', 'blocs.grass') },
    screenshot: { type: 'string' },
    'timeout-ms': { type: 'string', default: '60000' },
  },
});
const TIMEOUT = Number(opts['timeout-ms']);

function fail(message) {
  console.error(`Error: ${message}`);
  process.exit(1);
}

const env = (name) => process.env[name] || fail(`${name} is not set (source .neo4j/neo4j.env)`);
const boltUri = new URL(env('NEO4J_URI'));
const httpUrl = env('NEO4J_HTTP').replace(/\/$/, '');
const user = process.env.NEO4J_USER || 'neo4j';
const password = env('NEO4J_PASSWORD');

// A library file: its text and its `// :param k => v` header lines, as Browser commands.
function libraryQuery(name) {
  const text = readFileSync(join(ROOT, 'cypher', `${name}.cypher`), 'utf8');
  const params = [...text.matchAll(/^\/\/ (:param \w+ => .+)$/gm)].map((m) => m[1]);
  return { name, text, params };
}

const browser = await chromium.launch({
  executablePath: opts.chromium,
  headless: true,
  args: [
    '--no-sandbox', // CI runs as root
    // Belt and braces: any connection not to 127.0.0.1 goes to a closed local port.
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=127.0.0.1',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const report = { blocked: [], local_requests: 0, errors: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: httpUrl });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
      report.local_requests += 1;
      return route.continue();
    }
    report.blocked.push(`${url.protocol}//${url.host}${url.pathname}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (err) => report.errors.push(String(err).slice(0, 300)));

  // --- connect --------------------------------------------------------------------------------
  await page.goto(`${httpUrl}/browser/`);
  await page.getByTestId('boltaddress').waitFor();
  await page.getByTestId('bolt-scheme-select').selectOption(`${boltUri.protocol}//`);
  await page.getByTestId('boltaddress').fill(boltUri.host);
  await page.getByTestId('username').fill(user);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('connect').click();
  // Connected: the connect form is replaced by the "You are connected" frame.
  await page.getByText(/You are connected as user/).waitFor();
  report.connected = true;

  // --- the editor -----------------------------------------------------------------------------
  // Paste (not type: the editor would auto-close brackets and run on Enter) and run a command;
  // returns the frame it produced (new frames are added at the top of the stream).
  const frames = page.locator('[data-testid="stream"] [data-testid="frame"]');
  async function run(command) {
    const before = await frames.count();
    const editor = page.getByTestId('activeEditor');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.evaluate((text) => navigator.clipboard.writeText(text), command);
    await page.keyboard.press('Control+V');
    await page.getByTestId('editor-Run').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="stream"] [data-testid="frame"]').length > n,
      before,
    );
    const frame = frames.first();
    const error = frame.getByTestId('cypherFrameErrorMessage');
    if (await error.count()) fail(`the Browser shows an error for ${command.slice(0, 60)}: ${await error.innerText()}`);
    return frame;
  }
  async function runLibrary(q) {
    for (const line of q.params) await run(line);
    const frame = await run(q.text);
    await frame.getByTestId('frameStatusbar').waitFor();
    const status = await frame.getByTestId('frameStatusbar').innerText();
    return { frame, status: status.replace(/\s+/g, ' ').trim() };
  }

  // --- style ----------------------------------------------------------------------------------
  const grass = readFileSync(opts.grass, 'utf8');
  const styleFrame = await run(`:style ${grass}`);
  const styleText = await styleFrame.innerText();
  report.style = styleText.includes('Could not parse') ? 'rejected' : 'applied';
  report.style_frame = styleText.slice(-400);

  // --- a table result -------------------------------------------------------------------------
  const table = libraryQuery(opts.table);
  const t = await runLibrary(table);
  await t.frame.getByTestId('cypherFrameSidebarTable').click();
  const rows = t.frame.locator('[data-testid="frameContents"] table tbody tr');
  await rows.first().waitFor();
  const header = await t.frame.locator('[data-testid="frameContents"] table thead th').allInnerTexts();
  const firstCells = await rows.first().locator('td').allInnerTexts();
  report.table = {
    query: table.name,
    params: table.params,
    status: t.status,
    columns: header.map((h) => h.trim()),
    rows_shown: await rows.count(),
    first_row: firstCells.map((c) => c.trim()),
  };

  // --- a graph result -------------------------------------------------------------------------
  const graph = libraryQuery(opts.graph);
  const g = await runLibrary(graph);
  await g.frame.getByTestId('cypherFrameSidebarVisualization').click();
  const svgNodes = g.frame.locator('svg g.node');
  await svgNodes.first().waitFor();
  // Full screen, fitted, once the force layout has settled: then read the drawing.
  await page.waitForTimeout(3000);
  await g.frame.getByTitle('Fullscreen', { exact: true }).click();
  await g.frame.getByTitle('Collapse the node properties display').click(); // the whole width
  await page.waitForTimeout(1000);
  await g.frame.getByLabel('zoom-to-fit').click();
  await page.waitForTimeout(2000);
  const nodes = await g.frame.evaluate((el) =>
    [...el.querySelectorAll('svg g.node')].map((n) => {
      const circle = n.querySelector('circle.b-outline') || n.querySelector('circle');
      return {
        fill: (circle?.getAttribute('fill') || '').toLowerCase(),
        r: Number(circle?.getAttribute('r') || 0),
        caption: [...n.querySelectorAll('text')].map((x) => x.textContent).join(' ').trim(),
      };
    }),
  );
  const fills = {};
  for (const n of nodes) {
    const key = `${n.fill} r=${n.r}`;
    fills[key] = (fills[key] || 0) + 1;
  }
  report.graph = {
    query: graph.name,
    params: graph.params,
    status: g.status,
    nodes_drawn: nodes.length,
    relationships_drawn: await g.frame.locator('svg g.relationship').count(),
    fills,
    largest: nodes.filter((n) => n.r === Math.max(...nodes.map((m) => m.r))),
  };
  if (opts.screenshot) {
    await page.screenshot({ path: opts.screenshot });
    report.screenshot = opts.screenshot;
  }
} catch (err) {
  await browser.close();
  fail(String(err.message || err).split('\n')[0]);
}
await browser.close();
console.log(JSON.stringify(report, null, 2));
