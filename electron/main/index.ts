/**
 * Composition root of the main process: wires the window, security, IPC and services together
 * and does nothing else. Run from dist/electron/main.cjs (bundled by electron/build.ts).
 */
import { app, BrowserWindow, ipcMain, Notification, protocol, safeStorage, screen, session, shell } from 'electron';
import path from 'node:path';
import { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import { findDeepLinkArgument } from '../../shared/ipc/deepLink';
import { registerIpcHandlers } from './ipc/registerHandlers';
import { sendToRenderer } from './ipc/sendToRenderer';
import { log } from './log';
import { APP_ENTRY_URL } from './security/appOrigin';
import { APP_SCHEME_PRIVILEGES, installAppProtocol } from './security/appProtocol';
import { guardWebContents } from './security/navigationGuards';
import { installPermissionHandlers } from './security/permissions';
import { readAppInfo } from './services/appInfo';
import { createDeepLinkRouter, registerDeepLinkScheme } from './services/deepLinks';
import { openExternalLink } from './services/externalLinkOpener';
import { showNotification } from './services/notifications';
import { createSipSecretStore, SIP_SECRET_FILE } from './services/sipSecret';
import { createTeamServerClient, TEAM_SESSION_FILE } from './services/teamServer';
import { applyWebRtcSwitches } from './services/webrtcSwitches';
import { computeRestoredWindow } from './services/windowState';
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE } from './services/windowStateStore';
import { installApplicationMenu } from './windows/applicationMenu';
import { createMainWindow, focusWindow } from './windows/mainWindow';

// Bundled layout: dist/electron/{main,preload}.cjs next to dist/renderer/.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

const deepLinks = createDeepLinkRouter();
let mainWindow: BrowserWindow | null = null;

function openLinkFromPage(url: string): void {
  openExternalLink(shell, url).catch((error: unknown) => log.warn('Refused a link the page tried to open', error));
}

function openMainWindow(): void {
  const statePath = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const restored = computeRestoredWindow(
    loadWindowState(statePath),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = createMainWindow({ preloadPath: PRELOAD_PATH, restored, isPackaged: app.isPackaged });
  trackWindowState(window, statePath);
  deepLinks.attach(window.webContents);
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('The app page failed to load', error));
}

function start(): void {
  installAppProtocol(protocol, RENDERER_DIR);
  installPermissionHandlers(session.defaultSession);
  const menu = installApplicationMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    dispatch: (command) => {
      if (mainWindow !== null) sendToRenderer(mainWindow.webContents, EventChannel.command, command);
    },
  });
  // After 'ready': safeStorage cannot tell whether it can encrypt before then.
  const teamServer = createTeamServerClient({
    // Node's fetch, not Electron's net: nothing (cookies, cache) is shared with the page's session.
    fetch: globalThis.fetch,
    safeStorage,
    platform: process.platform,
    sessionFilePath: path.join(app.getPath('userData'), TEAM_SESSION_FILE),
  });
  const sipSecret = createSipSecretStore({
    safeStorage,
    platform: process.platform,
    filePath: path.join(app.getPath('userData'), SIP_SECRET_FILE),
  });
  registerIpcHandlers(ipcMain, {
    [InvokeChannel.appInfo]: () => readAppInfo(app, process.platform),
    [InvokeChannel.openExternal]: ({ url }) => openExternalLink(shell, url),
    [InvokeChannel.setMenuLabels]: (labels) => menu.setLabels(labels),
    [InvokeChannel.showNotification]: (request) => showNotification(Notification, request),
    [InvokeChannel.serverSignIn]: ({ serverUrl, email, password }) => teamServer.signIn(serverUrl, email, password),
    [InvokeChannel.serverSignOut]: () => teamServer.signOut(),
    [InvokeChannel.serverRequest]: (request) => teamServer.request(request.method, request.path, request.body),
    [InvokeChannel.serverSession]: () => teamServer.session(),
    [InvokeChannel.sipSecretPersistence]: () => sipSecret.persistence(),
    [InvokeChannel.sipSecretGet]: () => sipSecret.get(),
    [InvokeChannel.sipSecretSet]: ({ password }) => sipSecret.set(password),
  });
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
applyWebRtcSwitches(app.commandLine);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the user data; it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow !== null) focusWindow(mainWindow);
    else if (app.isReady()) openMainWindow();
    const link = findDeepLinkArgument(argv);
    if (link !== null) deepLinks.open(link);
  });
  // macOS delivers links as an event, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.open(url);
    if (app.isReady() && mainWindow === null) openMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openLinkFromPage));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  registerDeepLinkScheme(app, { defaultApp: process.defaultApp, execPath: process.execPath, argv: process.argv });
  const launchLink = findDeepLinkArgument(process.argv);
  if (launchLink !== null) deepLinks.open(launchLink);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Startup failed', error);
      app.exit(1);
    });
}
