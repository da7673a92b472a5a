import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProgram, freePort, passwordFor, type Kamailio } from './kamailio';

export interface SipLoadOptions {
  /** Users registered with digest auth (the robustness run uses 2,000). */
  registrations: number;
  /** Calls from sipp callers to a registered sipp callee through the proxy (the robustness run uses 1,000). */
  calls: number;
  /** REGISTERs started per second (default 200). */
  registerRate?: number;
  /** Calls started per second (default 40); each lasts about a second. */
  callRate?: number;
}

export interface SipLoadResult {
  /** REGISTERs answered 200 after the digest challenge. */
  registered: number;
  callsOk: number;
  /** Failed or never finished. */
  callsFailed: number;
  seconds: number;
  /** The registered user names, for spot checks with isRegistered(). */
  users: string[];
}

const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));

interface SippRun {
  code: number | null;
  successful: number;
  failed: number;
}

function requireSipp(): string {
  const path = findProgram('sipp');
  if (path === null) throw new Error('sipp not found: apt-get install sip-tester');
  return path;
}

/** The final row of sipp's -trace_stat file, by column name. */
async function readStats(file: string): Promise<{ successful: number; failed: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { successful: 0, failed: 0 };
  }
  const lines = text.trim().split('\n');
  const header = lines[0]?.split(';') ?? [];
  const last = lines.at(-1)?.split(';') ?? [];
  const column = (name: string) => Number(last[header.indexOf(name)] ?? 0) || 0;
  return { successful: column('SuccessfulCall(C)'), failed: column('FailedCall(C)') };
}

function runSipp(sipp: string, args: string[], statsFile: string, timeoutSeconds: number): { done: Promise<SippRun>; stop(): void } {
  const child = spawn(
    sipp,
    [...args, '-nostdin', '-trace_stat', '-stf', statsFile, '-fd', '1', '-timeout', `${timeoutSeconds}s`, '-timeout_error'],
    { stdio: 'ignore' },
  );
  const done = new Promise<SippRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      readStats(statsFile).then((stats) => resolve({ code, ...stats }), reject);
    });
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

function csv(rows: string[][]): string {
  return `SEQUENTIAL\n${rows.map((row) => row.join(';')).join('\n')}\n`;
}

const auth = (user: string) => `[authentication username=${user} password=${passwordFor(user)}]`;

async function udpPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(true));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(false)));
  });
}

/**
 * Robustness load through the same Kamailio the pages use: sipp registers `registrations` users
 * while `calls` calls run from sipp callers to a sipp callee (registered first, by a third-party
 * REGISTER carrying the callee's address). Everything authenticates with digest.
 */
export async function runSipLoad(k: Kamailio, options: SipLoadOptions): Promise<SipLoadResult> {
  const sipp = requireSipp();
  const started = Date.now();
  const registerRate = options.registerRate ?? 200;
  const callRate = options.callRate ?? 40;
  const dir = await mkdtemp(join(tmpdir(), 'sdr-sipp-'));
  const run = Math.random().toString(36).slice(2, 8);
  const common = ['-i', '127.0.0.1', '-key', 'domain', k.domain, '-trace_err'];
  const stops: Array<() => void> = [];
  try {
    const callee = `ld${run}callee`;
    const uasPort = await freePort();
    let uas: ReturnType<typeof runSipp> | null = null;
    if (options.calls > 0) {
      uas = runSipp(
        sipp,
        [...common, '-sf', join(SCENARIOS, 'uas-call.xml'), '-p', String(uasPort), '-s', callee, '-m', String(options.calls),
          '-error_file', join(dir, 'uas-errors.log'), k.sipHostPort],
        join(dir, 'uas.csv'),
        Math.ceil(options.calls / callRate) + 120,
      );
      stops.push(uas.stop);
      const deadline = Date.now() + 5_000;
      while (!(await udpPortTaken(uasPort))) {
        if (Date.now() > deadline) throw new Error(`sipp callee did not bind 127.0.0.1:${uasPort}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await writeFile(join(dir, 'callee.csv'), csv([[callee, auth(callee), `127.0.0.1:${uasPort}`, '3600']]));
      const calleeRegistration = runSipp(
        sipp,
        [...common, '-sf', join(SCENARIOS, 'register.xml'), '-inf', join(dir, 'callee.csv'), '-m', '1',
          '-error_file', join(dir, 'callee-errors.log'), k.sipHostPort],
        join(dir, 'callee-register.csv'),
        20,
      );
      const result = await calleeRegistration.done;
      if (result.successful !== 1) throw new Error(`the sipp callee could not register (sipp exit ${result.code}); see ${dir}/callee-errors.log`);
    }

    const users = Array.from({ length: options.registrations }, (_, i) => `ld${run}u${i}`);
    const registerPort = await freePort();
    await writeFile(join(dir, 'users.csv'), csv(users.map((user) => [user, auth(user), `127.0.0.1:${registerPort}`, '300'])));
    const registrations =
      users.length === 0
        ? null
        : runSipp(
            sipp,
            [...common, '-sf', join(SCENARIOS, 'register.xml'), '-inf', join(dir, 'users.csv'), '-p', String(registerPort),
              '-m', String(users.length), '-r', String(registerRate), '-l', '400', '-error_file', join(dir, 'register-errors.log'), k.sipHostPort],
            join(dir, 'register.csv'),
            Math.ceil(users.length / registerRate) + 60,
          );
    if (registrations) stops.push(registrations.stop);

    // A few hundred callers are plenty: each call authenticates on its own.
    const callers = Array.from({ length: Math.min(Math.max(options.calls, 1), 200) }, (_, i) => `ld${run}c${i}`);
    await writeFile(join(dir, 'callers.csv'), csv(callers.map((user) => [user, auth(user)])));
    const calls =
      options.calls === 0
        ? null
        : runSipp(
            sipp,
            [...common, '-sf', join(SCENARIOS, 'uac-call.xml'), '-inf', join(dir, 'callers.csv'), '-s', callee,
              '-m', String(options.calls), '-r', String(callRate), '-l', '200', '-error_file', join(dir, 'uac-errors.log'), k.sipHostPort],
            join(dir, 'uac.csv'),
            Math.ceil(options.calls / callRate) + 60,
          );
    if (calls) stops.push(calls.stop);

    const [registerResult, callResult] = await Promise.all([registrations?.done, calls?.done]);
    if (uas) {
      // The callee ends by itself after its last call's BYE (plus its timewait); don't wait on a lost one.
      const finished = await Promise.race([uas.done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
      if (!finished) uas.stop();
      await uas.done;
    }
    const callsOk = callResult?.successful ?? 0;
    return {
      registered: registerResult?.successful ?? 0,
      callsOk,
      callsFailed: options.calls - callsOk,
      seconds: (Date.now() - started) / 1000,
      users,
    };
  } finally {
    for (const stop of stops) stop();
    if (!process.env['KEEP_SIPP_DIR']) await rm(dir, { recursive: true, force: true });
  }
}
