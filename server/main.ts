import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig(process.env);
const app = await createApp({ webRoot: config.WEB_ROOT });
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
console.log(`SDR Desk (browser mode) at http://${config.HOST}:${port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
