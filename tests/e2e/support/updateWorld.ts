import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppUpdateProxy, type AppUpdateProxy } from './appUpdateProxy.ts';
import { launchChromium } from './browser.ts';
import { killServer, startServer, type RunningServer } from './serverProcess.ts';

/** What an app-update journey runs against: the server, the proxy that deploys a "new version", a browser. */
export interface UpdateWorld {
  server: RunningServer;
  proxy: AppUpdateProxy;
  browser: Browser;
}

/** Starts the world before the file's tests and stops it after; its fields are set once they run. */
export function withUpdateWorld(): UpdateWorld {
  const world = {} as UpdateWorld;
  beforeAll(async () => {
    world.server = await startServer();
    world.proxy = await startAppUpdateProxy(world.server.url);
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser.close();
    await world.proxy.close();
    await killServer(world.server);
  });
  return world;
}
