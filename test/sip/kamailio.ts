import { execFile, spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { accessSync, closeSync, constants, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real Kamailio for the softphone's tests: registrar + proxy on 127.0.0.1, SIP over WebSocket for
 * the browser pages, UDP/TCP for sipp. Each instance runs in the foreground from the template
 * kamailio.cfg with its pid file, control socket and log under its own temp dir.
 */
export interface Kamailio {
  readonly wsUrl: string;
  readonly domain: string;
  /** "127.0.0.1:port" of the UDP/TCP listener, for sipp. */
  readonly sipHostPort: string;
  /** The current main process; changes on restart(). */
  readonly pid: number;
  /** Kamailio's log; stop() deletes it with the temp dir unless KEEP_KAMAILIO_DIR is set. */
  readonly logFile: string;
  /** Ends Kamailio (and its children) and removes its temp dir; restart() can bring it back. */
  stop(): Promise<void>;
  /**
   * Stop (if running), then start on the same ports; all registrations are gone afterwards (usrloc
   * is in memory). Also brings back an instance that stop() ended, e.g. after a "PBX down" test.
   */
  restart(): Promise<void>;
  /** Looked up one AoR at a time through kamcmd: `ul.dump` fails at about 2,000 registrations. */
  isRegistered(user: string): Promise<boolean>;
}

export interface KamailioOptions {
  wsPort?: number;
  sipPort?: number;
  /**
   * Registration expiry in seconds (default 5): what REGISTERs without an expiry get and what
   * WebSocket clients are granted whatever they ask, so a client that vanished without closing its
   * socket is gone within seconds. A closed WebSocket's contacts go at once.
   */
  expires?: number;
}

/** Every user is valid at this domain; see passwordFor(). */
export const domain = 'sdr.test';

/** The digest password of any user (mirrored in kamailio.cfg's route[AUTH]). */
export function passwordFor(user: string): string {
  return `pw-${user}`;
}

const CONFIG_TEMPLATE = fileURLToPath(new URL('./kamailio.cfg', import.meta.url));
const INSTALL_HINT = 'apt-get install kamailio kamailio-websocket-modules sip-tester';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** Finds a program on PATH, plus the sbin folders a non-root PATH leaves out. */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

function requireProgram(name: string): string {
  const path = findProgram(name);
  if (path === null) throw new Error(`${name} not found: ${INSTALL_HINT}`);
  return path;
}

/** A port free for both TCP and UDP on 127.0.0.1 (sipp and Kamailio use the same number for both). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free port on 127.0.0.1');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An OPTIONS over UDP answered by options_reply(): the SIP workers are up, not only the sockets. */
function optionsPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const tag = Math.random().toString(36).slice(2);
    const timer = setTimeout(() => {
      socket.close();
      resolve(false);
    }, 500);
    socket.once('message', (data) => {
      clearTimeout(timer);
      socket.close();
      resolve(data.toString('latin1').startsWith('SIP/2.0 200'));
    });
    socket.once('error', () => {
      clearTimeout(timer);
      socket.close();
      resolve(false);
    });
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port;
      const message = [
        `OPTIONS sip:127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${tag};rport`,
        'Max-Forwards: 70',
        `From: <sip:ping@${domain}>;tag=${tag}`,
        `To: <sip:127.0.0.1:${port}>`,
        `Call-ID: ${tag}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(message, port, '127.0.0.1');
    });
  });
}

function logTail(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Processes whose parent is `pid` (Linux /proc): Kamailio's forked workers. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      continue;
    }
  }
  return children;
}

/** Whether `pid` is still a Kamailio started with `configFile` (and not a reused pid). */
function runs(pid: number, configFile: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(configFile);
  } catch {
    return false;
  }
}

// Kamailio stays in the caller's process group, so whatever kills a test run by process group
// (Ctrl-C, CI) ends it too. A runner that exits without stop() kills it on the way out.
const running = new Map<number, string>();
process.once('exit', () => {
  for (const [pid, dir] of running) {
    for (const child of childrenOf(pid)) kill(child, 'SIGKILL');
    kill(pid, 'SIGKILL');
    if (!process.env['KEEP_KAMAILIO_DIR']) rmSync(dir, { recursive: true, force: true });
  }
});

interface Instance {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Kamailio exited while starting; the message carries its log. */
class StartError extends Error {}

/**
 * Starts a Kamailio on 127.0.0.1 (free ports unless given) and resolves once it answers SIP over
 * UDP, accepts TCP/WebSocket connections and its control socket replies.
 */
export async function startKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const expires = options.expires ?? 5;
  if (!Number.isInteger(expires) || expires < 1) throw new Error(`expires must be a positive integer, got ${expires}`);
  const pickedPorts = options.wsPort === undefined && options.sipPort === undefined;
  for (let attempt = 1; ; attempt++) {
    const wsPort = options.wsPort ?? (await freePort());
    let sipPort = options.sipPort ?? (await freePort());
    while (sipPort === wsPort) sipPort = await freePort();
    try {
      return await startOn(wsPort, sipPort, expires);
    } catch (error) {
      // A port picked here can be taken by a parallel test before Kamailio binds it: pick again.
      const lostPort = error instanceof StartError && /bind|address already in use/i.test(error.message);
      if (!pickedPorts || !lostPort || attempt >= 3) throw error;
    }
  }
}

async function startOn(wsPort: number, sipPort: number, expires: number): Promise<Kamailio> {
  const kamailioBin = requireProgram('kamailio');
  const kamcmdBin = requireProgram('kamcmd');

  const template = await readFile(CONFIG_TEMPLATE, 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'sdr-kamailio-'));
  const configFile = join(dir, 'kamailio.cfg');
  const pidFile = join(dir, 'kamailio.pid');
  const ctlSocket = join(dir, 'kamailio_ctl');
  const logFile = join(dir, 'kamailio.log');
  const values: Record<string, string> = {
    WS_PORT: String(wsPort),
    SIP_PORT: String(sipPort),
    EXPIRES: String(expires),
    TIMER: '1',
    RUN_DIR: dir,
    DOMAIN: domain,
  };
  const unknown = [...template.matchAll(/@([A-Z_]+)@/g)].map((m) => m[0]).filter((p) => values[p.slice(1, -1)] === undefined);
  if (unknown.length > 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`kamailio.cfg: unknown placeholder ${unknown.join(', ')}`);
  }
  const config = template.replace(/@([A-Z_]+)@/g, (_, name: string) => values[name]!);

  let instance: Instance | null = null;

  async function launch(): Promise<Instance> {
    // stop() removes the dir; restart() after stop() brings the PBX back as it was.
    await mkdir(dir, { recursive: true });
    await writeFile(configFile, config);
    const log = openSync(logFile, 'a');
    const child = spawn(
      kamailioBin,
      // -DD: stay in the foreground (its children are forked, the creator is not daemonized).
      ['-f', configFile, '-P', pidFile, '-Y', dir, '-w', dir, '-DD', '-E', '-m', '64', '-M', '8'],
      { stdio: ['ignore', log, log] },
    );
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) throw new Error(`kamailio did not start: ${logTail(logFile)}`);
    running.set(pid, dir);
    let hasExited = false;
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        hasExited = true;
        running.delete(pid);
        resolve();
      });
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (hasExited) {
        throw new StartError(`kamailio exited during start (code ${child.exitCode}); log ${logFile}:\n${logTail(logFile)}`);
      }
      const ready = (await canConnect(wsPort)) && (await canConnect(sipPort)) && (await optionsPing(sipPort)) && (await kamcmd(['core.version'])).ok;
      if (ready) return { child, exited };
      if (Date.now() > deadline) {
        const tail = logTail(logFile);
        await terminate({ child, exited });
        throw new Error(`kamailio not ready on ws ${wsPort} / sip ${sipPort} after ${START_TIMEOUT_MS} ms; log:\n${tail}`);
      }
      await sleep(100);
    }
  }

  async function terminate(target: Instance): Promise<void> {
    const pid = target.child.pid;
    if (pid === undefined) return;
    const workers = childrenOf(pid);
    // SIGTERM: the main process stops its workers and exits.
    kill(pid, 'SIGTERM');
    const done = await Promise.race([target.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!done) kill(pid, 'SIGKILL');
    await target.exited;
    // A stuck worker must not keep the ports from restart().
    for (const worker of workers) if (runs(worker, configFile)) kill(worker, 'SIGKILL');
    running.delete(pid);
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while ((await canConnect(wsPort)) || (await canConnect(sipPort))) {
      if (Date.now() > deadline) throw new Error(`ports ${wsPort}/${sipPort} still open after kamailio ${pid} stopped`);
      await sleep(50);
    }
  }

  function kamcmd(args: string[]): Promise<{ ok: boolean; out: string }> {
    return new Promise((resolve) => {
      execFile(kamcmdBin, ['-s', `unix:${ctlSocket}`, ...args], { timeout: 5_000 }, (error, stdout, stderr) => {
        // kamcmd exits 0 on RPC errors too; they come as "error: <code> - <text>".
        const out = `${stdout}${stderr}`;
        resolve({ ok: error === null && !/^error:/m.test(out), out });
      });
    });
  }

  try {
    instance = await launch();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const wsUrl = `ws://127.0.0.1:${wsPort}`;
  return {
    wsUrl,
    domain,
    sipHostPort: `127.0.0.1:${sipPort}`,
    logFile,
    get pid() {
      const pid = instance?.child.pid;
      if (pid === undefined) throw new Error('kamailio is stopped');
      return pid;
    },
    async stop() {
      if (instance) {
        const current = instance;
        instance = null;
        await terminate(current);
      }
      if (!process.env['KEEP_KAMAILIO_DIR']) await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      if (instance) {
        const current = instance;
        instance = null;
        await terminate(current);
      }
      instance = await launch();
    },
    async isRegistered(user: string) {
      if (!instance) throw new Error('kamailio is stopped');
      const { ok, out } = await kamcmd(['ul.lookup', 'location', user]);
      if (!ok) {
        // The AoR's record can outlive its last contact for a timer tick.
        if (/AOR not found|AOR has no contacts/i.test(out)) return false;
        throw new Error(`kamcmd ul.lookup ${user} failed: ${out.trim()}`);
      }
      // A contact past its expiry stays listed until usrloc's timer runs: count only live ones.
      return [...out.matchAll(/^\s*Expires: (\S+)/gm)].some((m) => m[1] === 'permanent' || Number(m[1]) > 0);
    },
  };
}
