import { createApp } from './app';
import { loadConfig } from './config';
import { bootstrapAdmin } from './auth/bootstrapAdmin';
import { databaseTarget, migrateToLatest, openDatabase } from './db/database';

const config = loadConfig(process.env);
const target = databaseTarget(config);
const db = openDatabase(target);
await migrateToLatest(db);
if ((await bootstrapAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, Date.now())) === 'created') console.log(`Admin account ${config.ADMIN_EMAIL} created`);
const app = await createApp({ webRoot: config.WEB_ROOT, db });
app.addHook('onClose', async () => db.destroy());
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
console.log(`SDR Desk server at http://${config.HOST}:${port} (database: ${target.kind === 'sqlite' ? target.file : 'PostgreSQL'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
