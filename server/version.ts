import { readFileSync } from 'node:fs';

/** The server's own version, from package.json: what /api/health reports. */
export const SERVER_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
