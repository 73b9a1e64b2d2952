/** The description of sign-in, the session, sign-out and invitations (src/server/routes/sessionRoutes.ts). */
import { INVITATION_LIFETIME, LOCKOUT, PER_ADDRESS_LIMIT, SESSION_RENEWAL } from './openApiLimits.ts';
import { SET_COOKIE_HEADER, type PathSpecs } from './openApiOperation.ts';

const TOO_MANY_ATTEMPTS = `${PER_ADDRESS_LIMIT.charAt(0).toUpperCase()}${PER_ADDRESS_LIMIT.slice(1)}`;

export const SESSION_PATHS: PathSpecs = {
  '/api/session': {
    post: {
      operationId: 'signIn',
      tag: 'session',
      summary: 'Sign in one person on one device.',
      description:
        'Online, once per device (docs/accounts.md, "Sign-in"). On success the reply sets the session cookie ' +
        '(`HttpOnly`, `Secure`, `SameSite=Strict`, `Path=/api`) and any earlier session of the device ends. ' +
        'Only this reply carries the device\'s recovery secret (docs/accounts.md, "Recovery secret"). ' +
        'Every request counts against the per-address limit, even a malformed one.',
      access: 'public',
      body: 'SignInRequest',
      success: {
        status: 200,
        description: "Signed in: who, what they may see, until when, and the device's recovery secret.",
        schema: 'SignInReply',
        headers: SET_COOKIE_HEADER,
      },
      refusals: {
        invalid_credentials:
          'The login and password do not match; an unknown login, a disabled account and one whose invitation ' +
          'is not yet accepted answer the same, after the same work.',
        device_revoked: 'An administrator revoked this device: it cannot sign in again, and the app deletes its data.',
        too_many_attempts: `${TOO_MANY_ATTEMPTS}; or the login is locked: ${LOCKOUT} (the last of them already answers this), and while it is locked no password is checked.`,
      },
    },
    get: {
      operationId: 'getSession',
      tag: 'session',
      summary: 'The current session: who is signed in, their access scope, and when the session ends.',
      description: `Using a session renews it (${SESSION_RENEWAL}); the reply then sets the cookie again with the new expiry.`,
      access: 'session',
      success: {
        status: 200,
        description: 'The session.',
        schema: 'SessionInfo',
        headers: SET_COOKIE_HEADER,
      },
    },
    delete: {
      operationId: 'signOut',
      tag: 'session',
      summary: 'Sign out: end the session and clear its cookie.',
      description:
        "Ends the session and destroys its device's recovery secret (the app deletes its data as it signs out). " +
        'Answers 204 even without a session (already signed out, or expired): the app signs out offline too, and ' +
        'only wants the cookie gone.',
      access: 'optionalSession',
      success: { status: 204, description: 'Signed out; the cookie is cleared.', headers: SET_COOKIE_HEADER },
    },
  },
  '/api/invitations/accept': {
    post: {
      operationId: 'acceptInvitation',
      tag: 'session',
      summary: "Choose one's password with an invitation code.",
      description:
        `The code an administrator handed over works once, within ${INVITATION_LIFETIME}. It signs nobody in: sign in next with ` +
        'the new password.',
      access: 'public',
      body: 'AcceptInvitationRequest',
      success: { status: 204, description: 'The password is set and the code spent.' },
      refusals: {
        invalid_credentials: 'The code is unknown, used or expired, or its account is disabled.',
        too_many_attempts: `${TOO_MANY_ATTEMPTS}.`,
      },
    },
  },
};
