import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordFor, startKamailio, type Kamailio } from './kamailio';
import { runSipLoad } from './load';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function header(message: string, name: string): string | undefined {
  const line = message.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

function digestParams(challenge: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of challenge.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)) {
    params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return params;
}

/**
 * A REGISTER over UDP answered by a digest challenge, done by hand so the test sees the exact
 * status codes; resolves with the final status.
 */
async function registerOverUdp(k: Kamailio, user: string, password: string, expires = 60): Promise<number> {
  const [host, portText] = k.sipHostPort.split(':');
  const port = Number(portText);
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const local = socket.address().port;
  const callId = `${randomBytes(8).toString('hex')}@127.0.0.1`;
  const fromTag = randomBytes(4).toString('hex');
  const uri = `sip:${k.domain}`;
  const send = (cseq: number, authorization?: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to REGISTER ${cseq}`)), 3_000);
      socket.once('message', (data) => {
        clearTimeout(timer);
        resolve(data.toString('latin1'));
      });
      const lines = [
        `REGISTER ${uri} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
        'Max-Forwards: 70',
        `From: <sip:${user}@${k.domain}>;tag=${fromTag}`,
        `To: <sip:${user}@${k.domain}>`,
        `Call-ID: ${callId}`,
        `CSeq: ${cseq} REGISTER`,
        `Contact: <sip:${user}@127.0.0.1:${local}>`,
        `Expires: ${expires}`,
        ...(authorization ? [`Authorization: ${authorization}`] : []),
        'Content-Length: 0',
        '',
        '',
      ];
      socket.send(lines.join('\r\n'), port, host);
    });
  try {
    const challenge = await send(1);
    const status = Number(challenge.split(' ')[1]);
    if (status !== 401) return status;
    const params = digestParams(header(challenge, 'WWW-Authenticate') ?? '');
    const realm = params['realm'] ?? '';
    const nonce = params['nonce'] ?? '';
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`REGISTER:${uri}`);
    const fields = [`username="${user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, 'algorithm=MD5'];
    if (params['qop']?.split(',').includes('auth')) {
      const cnonce = randomBytes(8).toString('hex');
      const nc = '00000001';
      fields.push(`response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)}"`, 'qop=auth', `nc=${nc}`, `cnonce="${cnonce}"`);
    } else {
      fields.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
    }
    if (params['opaque'] !== undefined) fields.push(`opaque="${params['opaque']}"`);
    const answer = await send(2, `Digest ${fields.join(', ')}`);
    return Number(answer.split(' ')[1]);
  } finally {
    socket.close();
  }
}

function canConnect(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('test Kamailio (registrar + proxy)', () => {
  let k: Kamailio;

  beforeAll(async () => {
    k = await startKamailio();
  }, 30_000);

  afterAll(async () => {
    await k?.stop();
  }, 30_000);

  it('listens on 127.0.0.1 for WebSocket and SIP', () => {
    expect(k.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(k.sipHostPort).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(k.domain).toBe('sdr.test');
    expect(passwordFor('alice')).toBe('pw-alice');
  });

  it('registers a user who answers the digest challenge', async () => {
    expect(await k.isRegistered('alice')).toBe(false);
    expect(await registerOverUdp(k, 'alice', passwordFor('alice'))).toBe(200);
    expect(await k.isRegistered('alice')).toBe(true);
  });

  it('refuses a wrong password with 403', async () => {
    expect(await registerOverUdp(k, 'mallory', 'guess')).toBe(403);
    expect(await k.isRegistered('mallory')).toBe(false);
  });

  it('drops a registration whose expiry passed', async () => {
    expect(await registerOverUdp(k, 'brief', passwordFor('brief'), 1)).toBe(200);
    expect(await k.isRegistered('brief')).toBe(true);
    await expect.poll(() => k.isRegistered('brief'), { timeout: 5_000, interval: 200 }).toBe(false);
  });

  it('restarts on the same ports with an empty registrar', async () => {
    const before = { pid: k.pid, ws: k.wsUrl, sip: k.sipHostPort };
    await k.restart();
    expect(k.pid).not.toBe(before.pid);
    expect({ ws: k.wsUrl, sip: k.sipHostPort }).toEqual({ ws: before.ws, sip: before.sip });
    expect(await k.isRegistered('alice')).toBe(false);
    expect(await registerOverUdp(k, 'alice', passwordFor('alice'))).toBe(200);
    expect(await k.isRegistered('alice')).toBe(true);
  }, 30_000);

  it('carries sipp load: every registration and call succeeds', async () => {
    const result = await runSipLoad(k, { registrations: 50, calls: 20 });
    expect(result).toMatchObject({ registered: 50, callsOk: 20, callsFailed: 0 });
    for (const user of [result.users[0]!, result.users[49]!]) expect(await k.isRegistered(user)).toBe(true);
  }, 90_000);
});

describe('startKamailio / stop', () => {
  it('frees its ports on stop, and starts again on explicit ports', async () => {
    const first = await startKamailio({ expires: 3 });
    const sip = first.sipHostPort;
    const wsPort = Number(new URL(first.wsUrl).port);
    await first.stop();
    expect(await canConnect(sip)).toBe(false);
    expect(await canConnect(`127.0.0.1:${wsPort}`)).toBe(false);

    // A "PBX down" test ends with restart(): same ports, fresh registrar.
    await first.restart();
    expect(await canConnect(sip)).toBe(true);
    expect(await registerOverUdp(first, 'carol', passwordFor('carol'))).toBe(200);
    await first.stop();

    const second = await startKamailio({ wsPort, sipPort: Number(sip.split(':')[1]) });
    try {
      expect(second.wsUrl).toBe(`ws://127.0.0.1:${wsPort}`);
      expect(second.sipHostPort).toBe(sip);
      expect(await registerOverUdp(second, 'bob', passwordFor('bob'))).toBe(200);
    } finally {
      await second.stop();
    }
    expect(() => second.pid).toThrow(/stopped/);
  }, 30_000);

  it('names what failed when Kamailio cannot start', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const taken = address && typeof address === 'object' ? address.port : 0;
    try {
      await expect(startKamailio({ wsPort: taken })).rejects.toThrow(/kamailio exited during start[\s\S]*(bind|Address already in use)/i);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 30_000);
});
