/**
 * Resolves the `ura_session` cookie to the signed-in user and device, as an
 * `onRequest` hook: a request without a valid session is refused before its
 * body is read (or decompressed). The route then finds `request.auth` set.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDatabase } from '../database/openDatabase.ts';
import { errorBody } from '../routes/errorReplies.ts';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from './sessionCookie.ts';
import { resolveSession } from './sessionStore.ts';

export interface AuthContext {
  userId: string;
  /** The device the session is bound to (its sync client id). */
  clientId: string;
  /** SHA-256 of the token, to end this very session. */
  tokenHash: string;
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on routes that require a session; null elsewhere. */
    auth: AuthContext | null;
  }
}

export interface AuthDeps {
  db: AppDatabase;
  now: () => number;
}

export function registerAuthDecoration(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
}

export type RequestHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** 401 unauthenticated without a live session, 403 device_revoked from a revoked device. */
export function authenticate(deps: AuthDeps): RequestHook {
  return async (request, reply) => {
    const token = sessionTokenFrom(request.headers.cookie);
    const now = deps.now();
    const lookup = token === undefined ? ({ status: 'ended' } as const) : await resolveSession(deps.db, token, now);
    if (lookup.status === 'deviceRevoked') {
      return reply.code(403).header('set-cookie', clearedSessionCookie()).send(errorBody('device_revoked'));
    }
    if (lookup.status === 'ended' || token === undefined) {
      if (token !== undefined) reply.header('set-cookie', clearedSessionCookie());
      return reply.code(401).send(errorBody('unauthenticated'));
    }
    const { session } = lookup;
    request.auth = {
      userId: session.userId,
      clientId: session.clientId,
      tokenHash: session.tokenHash,
      expiresAt: session.expiresAt,
    };
    // The browser's copy would lapse at the old Max-Age: renewing sends it again.
    if (lookup.renewed) reply.header('set-cookie', sessionCookie(token, session.expiresAt, now));
    return undefined;
  };
}

/** The session `authenticate` resolved; a route that forgot the hook fails loudly rather than serving anyone. */
export function authOf(request: FastifyRequest): AuthContext {
  if (request.auth === null) throw new Error('route is missing the authenticate hook');
  return request.auth;
}
