/**
 * The sync protocol's version. A client and a server speak only the same version; the server
 * answers any other with "please update the app" (issue 4).
 */
export const PROTOCOL_VERSION = 1;
