// Redis and PostgreSQL for n8n's queue mode, as n8n documents it, from Debian's packages: installed with apt-get when
// missing, each started as a foreground child process on a free loopback port with its data in a folder of the run,
// and stopped by the caller (also on failure and on SIGINT). No system service is used or started.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { freePort, killGroup, runChecked, tail } from './lib.mjs';

const REDIS_SERVER = '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder (Debian keeps each major version apart), or null. */
function postgresBinDir() {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const majors = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? join(POSTGRES_ROOT, majors[0], 'bin') : null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs what is missing of redis-server and postgresql with apt-get (`apt-get update` only when the install fails
 * for lack of package lists). Returns what it found and what it installed, for the closing report.
 */
export function ensureComponents(log) {
  const missing = [];
  if (!existsSync(REDIS_SERVER)) missing.push('redis-server');
  if (!postgresBinDir()) missing.push('postgresql');
  const installed = [];
  if (missing.length > 0) {
    if (!isRoot()) throw new Error(`${missing.join(' and ')} missing, and installing them needs root: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    const t0 = Date.now();
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
        encoding: 'utf8',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        maxBuffer: 64 * 1024 * 1024,
      });
    log(`installing ${missing.join(', ')} with apt-get`);
    let result = install();
    // Package lists missing or stale (a fresh machine): the only failure an `apt-get update` can cure.
    if (result.status !== 0 && /Unable to locate package|has no installation candidate|404\s+Not Found|Failed to fetch/.test(result.stderr)) {
      log(`apt-get install failed (${tail(result.stderr, 3)}); running apt-get update and trying again`);
      runChecked('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      result = install();
    }
    if (result.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed:\n${tail(result.stdout + result.stderr)}`);
    installed.push(`${missing.join(', ')} (apt-get, ${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  }
  const pgBin = postgresBinDir();
  if (!existsSync(REDIS_SERVER) || !pgBin) throw new Error(`after apt-get: redis-server at ${REDIS_SERVER}: ${existsSync(REDIS_SERVER)}, PostgreSQL under ${POSTGRES_ROOT}: ${pgBin}`);
  const redisVersion = runChecked(REDIS_SERVER, ['--version']).match(/v=(\S+)/)?.[1] ?? 'unknown';
  const postgresVersion = runChecked(join(pgBin, 'postgres'), ['--version']).match(/(\d+\.\d+)/)?.[1] ?? 'unknown';
  return { redisServer: REDIS_SERVER, pgBin, redisVersion, postgresVersion, installed };
}

/** A child in its own process group, its output in a log file; `logTail()` reads the end of that file. */
function startLogged(command, args, logFile, options = {}) {
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  child.on('error', (error) => out.write(`\n${command} could not start: ${error.message}\n`));
  return { child, logTail: (lines = 30) => (existsSync(logFile) ? tail(readFileSync(logFile, 'utf8'), lines) : '(no log)') };
}

/** Waits for `probe()` to resolve true; fails early when the child exits, with the log's tail. */
async function waitUntil(name, probe, { child, logTail }, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logTail()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000}s:\n${logTail()}`);
}

/** Stops a component's process group with `signal` and waits for it, SIGKILL after a grace period. */
async function stopComponent(child, signal, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, signal);
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Sends PING over Redis's protocol and expects PONG. */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk;
      if (answer.includes('\r\n')) {
        socket.end();
        resolve(answer.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** Redis on a free loopback port, nothing persisted (the queue lives only as long as the run). */
export async function startRedis({ redisServer }, dir, { timeoutMs = 60_000 } = {}) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes'];
  const proc = startLogged(redisServer, args, join(dir, 'redis.log'), { cwd: dir });
  await waitUntil('redis-server', () => redisPing(port), proc, timeoutMs);
  return { port, child: proc.child, logTail: proc.logTail, stop: () => stopComponent(proc.child, 'SIGTERM') };
}

/**
 * PostgreSQL on a free loopback port with a fresh cluster in `dir`: a `n8n` role with a password (scram-sha-256 over
 * TCP) owning the `n8n` database. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user that
 * Debian's package creates. Durability settings are off: the cluster is thrown away after the run.
 */
export async function startPostgres({ pgBin }, dir, { timeoutMs = 120_000 } = {}) {
  const asOwner = isRoot() ? (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]] : (command, args) => [command, args];
  const dataDir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const adminPassword = randomSecret();
  const password = randomSecret();
  const pwFile = join(dir, 'pwfile');
  writeFileSync(pwFile, `${adminPassword}\n`, { mode: 0o600 });
  if (isRoot()) {
    const uid = Number(runChecked('id', ['-u', 'postgres']).trim());
    const gid = Number(runChecked('id', ['-g', 'postgres']).trim());
    chownSync(dir, uid, gid);
    chownSync(pwFile, uid, gid);
    // the run's folders above are private to root: the postgres user only needs to pass through them
    for (let parent = dirname(dir); parent.startsWith(`${tmpdir()}${sep}`); parent = dirname(parent)) chmodSync(parent, 0o711);
  }
  const [initCommand, initArgs] = asOwner(join(pgBin, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--pwfile', pwFile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync',
  ]);
  runChecked(initCommand, initArgs, { cwd: dir });
  const port = await freePort();
  const [command, args] = asOwner(join(pgBin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const proc = startLogged(command, args, join(dir, 'postgres.log'), { cwd: dir });
  const admin = { host: '127.0.0.1', port, user: 'postgres', password: adminPassword };
  await waitUntil('postgres', async () => spawnSync(join(pgBin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0, proc, timeoutMs);
  const psql = (sql, database = 'postgres') => runPsql(pgBin, admin, database, sql);
  psql(`CREATE ROLE n8n LOGIN PASSWORD '${password}'`);
  psql('CREATE DATABASE n8n OWNER n8n');
  return {
    port,
    database: 'n8n',
    user: 'n8n',
    password,
    child: proc.child,
    logTail: proc.logTail,
    /** Rows of a query on n8n's database, each an array of column texts (tab-separated, no header). */
    query: (sql) => psql(sql, 'n8n').split('\n').filter(Boolean).map((line) => line.split('\t')),
    // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is waited for.
    stop: () => stopComponent(proc.child, 'SIGINT'),
  };
}

function runPsql(pgBin, { host, port, user, password }, database, sql) {
  // the statement goes through stdin, so that a failure message (which names the command) holds no password
  return runChecked(join(pgBin, 'psql'), ['-h', host, '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-AtqX', '-F', '\t'], {
    input: sql,
    env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
  });
}

function randomSecret() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}
