/**
 * Sign-in, the current session and sign-out (docs/accounts.md), and the
 * public half of invitations: `POST /api/invitations/accept`. Only sign-in's
 * reply carries the device's recovery secret; signing out destroys it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignInReply } from '../../sync/protocol.ts';
import { signInRequestSchema } from '../../sync/protocolSchemas.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { acceptInvitationSchema, parseBody } from '../accounts/accountSchemas.ts';
import { forgetRecoverySecret } from '../accounts/devices.ts';
import { acceptInvitation } from '../accounts/invitations.ts';
import { authenticate, authOf, type AuthDeps } from '../auth/authenticate.ts';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from '../auth/sessionCookie.ts';
import { sessionInfo } from '../auth/sessionInfo.ts';
import { endSession } from '../auth/sessionStore.ts';
import { sha256Hex } from '../auth/secretTokens.ts';
import { signIn } from '../auth/signIn.ts';
import type { SignInLimiter } from '../auth/signInLimiter.ts';
import { errorBody } from './errorReplies.ts';

export interface SessionRouteDeps extends AuthDeps {
  /** Shared by sign-in and invitations: both are password-like guesses. */
  limiter: SignInLimiter;
}

function tooManyAttempts(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  return reply.code(429).header('retry-after', String(retryAfterSeconds)).send(errorBody('too_many_attempts'));
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post('/api/session', async (request, reply) => {
    const now = deps.now();
    const allowed = deps.limiter.attempt(request.ip, now);
    if (!allowed.allowed) return tooManyAttempts(reply, allowed.retryAfterSeconds);
    const parsed = parseBody(signInRequestSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const outcome = await signIn(deps.db, parsed.data, now);
    if (!outcome.ok) {
      if (outcome.status === 429) return tooManyAttempts(reply, outcome.retryAfterSeconds);
      return reply.code(outcome.status).send(errorBody(outcome.code));
    }
    reply.header('set-cookie', sessionCookie(outcome.token, outcome.expiresAt, now));
    const session = await sessionInfo(deps.db, outcome.userId, outcome.expiresAt);
    return { ...session, recoverySecret: outcome.recoverySecret } satisfies SignInReply;
  });

  app.get('/api/session', { onRequest: authenticate(deps) }, async (request) => {
    const auth = authOf(request);
    return sessionInfo(deps.db, auth.userId, auth.expiresAt);
  });

  // 204 even when already signed out: the app signs out offline too, and only wants the cookie gone.
  app.delete('/api/session', async (request, reply) => {
    const token = sessionTokenFrom(request.headers.cookie);
    if (token !== undefined) {
      const now = deps.now();
      const tokenHash = sha256Hex(token);
      const session = await deps.db
        .selectFrom('session')
        .select(['user_id', 'client_id'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (session !== undefined) {
        await deps.db.transaction().execute(async (trx) => {
          // Even when the session had already lapsed: the app deletes its data as it signs out.
          await forgetRecoverySecret(trx, session.client_id, session.user_id);
          if (await endSession(trx, tokenHash, now)) {
            await recordAudit(trx, now, [{ userId: session.user_id, clientId: session.client_id, action: 'sign_out' }]);
          }
        });
      }
    }
    return reply.code(204).header('set-cookie', clearedSessionCookie()).send();
  });

  app.post('/api/invitations/accept', async (request, reply) => {
    const now = deps.now();
    const allowed = deps.limiter.attempt(request.ip, now);
    if (!allowed.allowed) return tooManyAttempts(reply, allowed.retryAfterSeconds);
    const parsed = parseBody(acceptInvitationSchema, request.body);
    if (!parsed.ok) return reply.code(400).send(parsed.body);
    const accepted = await acceptInvitation(deps.db, parsed.data.code, parsed.data.password, now);
    if (!accepted) return reply.code(401).send(errorBody('invalid_credentials'));
    return reply.code(204).send();
  });
}
