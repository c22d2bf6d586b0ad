// Shared helpers of the end-to-end tests (tests/http, tests/browser): run the real nqtrack binary,
// create a fresh demo database in a temporary directory, serve it on a free port, and talk to it
// as a signed-in user with a cookie jar and the CSRF token (STYLE.md rule 12).
//
// The binary is $NQTRACK_BIN (scripts/run-tests sets it), else build/nqtrack of the repository.
// Every server started here is stopped with SIGTERM by stop(), which resolves to its exit code;
// tests call it in after() so that no server outlives its test file.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'nqtrack-demo';

export function binPath() {
  const bin = process.env.NQTRACK_BIN
    ? path.resolve(repoRoot, process.env.NQTRACK_BIN)
    : path.join(repoRoot, 'build', 'nqtrack');
  if (!existsSync(bin)) throw new Error(`nqtrack binary not found at ${bin}; build it first`);
  return bin;
}

// Runs `nqtrack ...args` to completion: {code, stdout, stderr}.
export function runCli(args, { input, cwd } = {}) {
  const r = spawnSync(binPath(), args, {
    input: input ?? '',
    cwd: cwd ?? repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,  // exports of a whole resolution run to megabytes
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A fresh temporary directory, removed by cleanup().
export function tempDir(prefix = 'nqtrack-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// The demo database made once per binary: `nqtrack demo` takes seconds, a copy milliseconds, and
// most test files want one. Kept in the temporary directory under the binary's path, size and
// time; a rebuilt binary makes a new one and removes those made over an hour before. Made in a
// directory of its own and renamed into place, so that test files running at once never see
// half a database.
function demoTemplate() {
  const bin = binPath();
  const st = statSync(bin);
  const key = createHash('sha1').update(`${bin}\n${st.size}\n${st.mtimeMs}`).digest('hex');
  const prefix = 'nqtrack-demo-template-';
  const file = path.join(os.tmpdir(), `${prefix}${key.slice(0, 16)}.db`);
  if (existsSync(file)) return file;
  const t = tempDir();
  try {
    const made = path.join(t.dir, 'demo.db');
    const r = runCli(['demo', '--db', `sqlite:${made}`]);
    if (r.code !== 0) throw new Error(`nqtrack demo failed (${r.code}): ${r.stderr}`);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(made + suffix)) throw new Error(`nqtrack demo left ${made}${suffix} behind`);
    }
    renameSync(made, file);
  } finally {
    t.cleanup();
  }
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(os.tmpdir())) {
    const other = path.join(os.tmpdir(), name);
    if (!name.startsWith(prefix) || other === file) continue;
    const old = statSync(other, { throwIfNoEntry: false });
    if (old && old.mtimeMs < hourAgo) rmSync(other, { force: true });
  }
  return file;
}

// A fresh demo database in its own temporary directory: {dir, db, cleanup}. A copy of the one
// `nqtrack demo` made for this binary (demoTemplate): what a test changes stays in its copy.
export function makeDemoDb() {
  const t = tempDir();
  const file = path.join(t.dir, 'demo.db');
  try {
    copyFileSync(demoTemplate(), file);
  } catch (e) {
    // Removed meanwhile by a run of another binary: made again.
    if (e.code !== 'ENOENT') throw e;
    copyFileSync(demoTemplate(), file);
  }
  return { dir: t.dir, db: `sqlite:${file}`, cleanup: t.cleanup };
}

// Starts `nqtrack serve` on a free port over `db` and waits for its "Đang phục vụ tại <url>"
// line. Returns {url, port, proc, stderr(), stop()}; stop() sends SIGTERM and resolves to
// {code, signal} when the process has exited.
export async function startServer(db, { threads = 2, extraArgs = [] } = {}) {
  const proc = spawn(
    binPath(),
    ['serve', '--db', db, '--address', '127.0.0.1', '--port', '0', '--threads', String(threads),
     '--log-level', 'warn', ...extraArgs],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Đang phục vụ tại (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code}): ${err}`));
    });
  });
  let stopped = null;
  return {
    url,
    port: Number(new URL(url).port),
    proc,
    stderr: () => err,
    stop() {
      if (!stopped) {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
        stopped = exited;
      }
      return stopped;
    },
  };
}

// A demo database served on a free port: {url, port, db, server, close()} where close() stops the
// server and removes the directory, resolving to the server's exit status.
export async function startDemo() {
  const demo = makeDemoDb();
  let server;
  try {
    server = await startServer(demo.db);
  } catch (e) {
    demo.cleanup();
    throw e;
  }
  return {
    url: server.url,
    port: server.port,
    db: demo.db,
    server,
    async close() {
      const status = await server.stop();
      demo.cleanup();
      return status;
    },
  };
}

// An API client with its own cookie jar: one signed-in browser, in effect.
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
    this.csrf = '';
    this.user = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keepCookies(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  // fetch() with the jar; `json` is sent as a JSON body; the CSRF header is added to
  // state-changing requests unless csrf === false. `body` (string or Buffer) is sent as is.
  async request(method, urlPath, { json, body, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookies.size > 0) h.cookie = this.cookieHeader();
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    if (csrf && !['GET', 'HEAD'].includes(method) && this.csrf) h['x-csrf-token'] = this.csrf;
    const res = await fetch(this.baseUrl + urlPath, { method, headers: h, body, redirect: 'manual' });
    this.keepCookies(res);
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    return { status: res.status, headers: res.headers, text, json: data };
  }

  get(urlPath, opts) { return this.request('GET', urlPath, opts); }
  post(urlPath, json, opts = {}) { return this.request('POST', urlPath, { ...opts, json }); }
  patch(urlPath, json, opts = {}) { return this.request('PATCH', urlPath, { ...opts, json }); }

  // Signs in through the API; returns the response (200 on success) and keeps the CSRF token.
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/v1/session', {
      json: { username, password },
      csrf: false,
    });
    if (r.status === 200) {
      this.csrf = r.json.csrf_token;
      this.user = r.json.user;
    }
    return r;
  }
}

// A signed-in client; throws if the sign-in fails.
export async function signedIn(baseUrl, username, password = DEMO_PASSWORD) {
  const c = new Client(baseUrl);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.text}`);
  return c;
}

// Organization ids by code, read from the whole tree as a root-scoped user sees it.
export async function orgIdsByCode(client) {
  const r = await client.get('/api/v1/orgs/tree');
  if (r.status !== 200) throw new Error(`tree: ${r.status} ${r.text}`);
  const ids = new Map();
  const walk = (node) => {
    ids.set(node.code, node.id);
    for (const child of node.children ?? []) walk(child);
  };
  walk(r.json.root);
  return ids;
}

// Sends raw bytes over one TCP connection and returns what the server answered before it closed
// the connection (or after `waitMs`): {status, head, body}. For requests fetch() cannot make
// (a body the server refuses before reading it all).
export function rawHttp(port, bytes, { waitMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const m = head.match(/^HTTP\/1\.1 (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, head, body: rest.join('\r\n\r\n') });
    };
    const timer = setTimeout(() => { sock.destroy(); finish(); }, waitMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', (e) => {
      // The server may reset the connection after answering; what it sent still counts.
      if (chunks.length > 0) finish(); else { clearTimeout(timer); reject(e); }
    });
    sock.on('close', finish);
    sock.write(bytes);
  });
}
