import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { MAX_BODY_BYTES } from '../sync/protocol.ts';
import type { AppDatabase } from './database/openDatabase.ts';
import { registerCompression } from './routes/compression.ts';
import { registerOpenApiRoute } from './openapi/openApiRoute.ts';
import { isApiUrl } from './routes/apiUrl.ts';
import { replyNotFound, replyWithError } from './routes/errorReplies.ts';
import { isAppRoute, registerStaticFiles, sendAppShell } from './routes/staticFiles.ts';
import { registerSyncRoutes } from './routes/syncRoute.ts';
import { registerAuthDecoration } from './auth/authenticate.ts';
import { SignInLimiter } from './auth/signInLimiter.ts';
import { registerAdminRoutes } from './routes/adminRoutes.ts';
import { registerSessionRoutes } from './routes/sessionRoutes.ts';
import { registerDashboardRoutes } from './dashboard/dashboardRoute.ts';
import { registerExportAuditRoutes } from './routes/exportAuditRoutes.ts';

export interface CreateServerOptions {
  db: AppDatabase;
  /** The built client (dist/client); without it only the API is served. */
  staticDir?: string;
  /** Fastify's logger: `false` (the default) or a level, optionally with a stream to write to (tests read it). */
  logger?: false | { level: string; stream?: NodeJS.WritableStream };
  /** The server clock; tests may pin it. */
  now?: () => number;
  /**
   * Behind a reverse proxy, whom to trust for the client's address (Fastify's
   * `trustProxy`: true, or the proxies' addresses): sign-in's per-address
   * limit needs the phone's address, not the proxy's.
   */
  trustProxy?: boolean | string;
  /** Sign-in attempts allowed per address per minute (20); an end-to-end suite signing in often may raise it. */
  signInAttemptsPerMinute?: number;
  /** Compute the municipalities' dashboard figures in the background once ready (main.ts does). */
  warmDashboards?: boolean;
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For JSON replies (OWASP's REST guidance): nothing to load, no framing. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Builds the app from its dependencies; the caller listens (or injects, in tests) and closes it. */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: loggerOptions(options.logger ?? false),
    trustProxy: options.trustProxy ?? false,
  });
  // Only JSON is accepted: without the built-in text/plain parser, any other
  // content type is refused by Fastify with FST_ERR_CTP_INVALID_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(replyWithError);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (isApiUrl(request.url)) {
      // JSON is never a page: it may load nothing and be framed by nothing. The page policy
      // would cost ~200 bytes of every sync round trip on a rural link for no protection.
      reply.header('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
      // Sync replies carry child data: no cache (browser or proxy) may keep them.
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });

  registerCompression(app);
  const deps = { db: options.db, now: options.now ?? Date.now };
  registerAuthDecoration(app);
  registerSyncRoutes(app, deps);
  registerSessionRoutes(app, { ...deps, limiter: new SignInLimiter(options.signInAttemptsPerMinute) });
  registerAdminRoutes(app, deps);
  registerDashboardRoutes(app, deps, { warm: options.warmDashboards === true });
  registerExportAuditRoutes(app, deps);
  registerOpenApiRoute(app);
  const staticDir = options.staticDir;
  if (staticDir !== undefined) await registerStaticFiles(app, staticDir);

  app.setNotFoundHandler(async (request, reply) => {
    if (staticDir !== undefined && !isApiUrl(request.url) && isAppRoute(request.method, request.url)) {
      await sendAppShell(reply);
      return;
    }
    await replyNotFound(reply);
  });
  return app;
}

/** Request logs keep method, URL, status and time only: no IP address, headers or body. */
function loggerOptions(
  logger: false | { level: string; stream?: NodeJS.WritableStream },
): NonNullable<FastifyServerOptions['logger']> {
  if (logger === false) return false;
  return {
    level: logger.level,
    ...(logger.stream === undefined ? {} : { stream: logger.stream }),
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: request.url }),
    },
  };
}
