/**
 * The team server as the sync benchmark runs it: its own process (so the load generator does not
 * share its event loop), configured like server/main.ts, on the database named by
 * SYNC_BENCH_TARGET (a DatabaseTarget as JSON). Prints `listening <port>` once it accepts requests;
 * SIGTERM closes it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { migrateToLatest, openDatabase, type DatabaseTarget } from '../../server/db/database';

const raw = process.env['SYNC_BENCH_TARGET'];
if (!raw) throw new Error('SYNC_BENCH_TARGET is not set');
const target = JSON.parse(raw) as DatabaseTarget;
const db = openDatabase(target);
await migrateToLatest(db);
const webRoot = mkdtempSync(join(tmpdir(), 'sdr-bench-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
const app = await createApp({ webRoot, db });
// How long the server held each request (received → answered), for the bench to set beside the
// latency its clients saw.
const received = new WeakMap<object, number>();
app.addHook('onRequest', async (request) => {
  received.set(request.raw, performance.now());
});
app.addHook('onSend', async (request, reply) => {
  reply.header('server-timing', `app;dur=${(performance.now() - (received.get(request.raw) ?? performance.now())).toFixed(2)}`);
});
app.addHook('onClose', async () => db.destroy());
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);

process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => rmSync(webRoot, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
