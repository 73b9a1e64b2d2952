/**
 * A network between the devices and the in-process server that misbehaves on
 * request: it loses requests and replies, sends requests twice, holds a
 * request back to deliver it after newer ones, and answers 5xx as a proxy
 * would. It also notes every mutation the server acknowledged — even when the
 * reply never reaches the device — so a test can check that none was lost.
 */
import type { FetchLike } from '../../src/sync/postSync.ts';
import type { Mutation, MutationResult, SyncRequest, SyncResponse } from '../../src/sync/protocol.ts';

export const FAULTS = [
  'none',
  /** The request never reaches the server (no signal, airplane mode). */
  'dropRequest',
  /** The server commits, then the connection drops before the reply arrives. */
  'loseReply',
  /** The request reaches the server twice (a retrying proxy); the device sees the second reply. */
  'duplicate',
  /** The request is held on the network and delivered later, after newer ones; the device times out. */
  'delay',
  /** A proxy answers 502 without passing the request on. */
  'proxyBadGateway',
  /** A proxy times out (504) after the server has committed. */
  'proxyTimeoutAfterCommit',
] as const;
export type Fault = (typeof FAULTS)[number];

/** A mutation the server answered `applied` or `duplicate`, as it went over the wire. */
export interface Acknowledged {
  mutation: Mutation;
  status: MutationResult['status'];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export class FaultyNetwork {
  /** Faults for the next requests, in order; once empty, requests pass unharmed. */
  private readonly plan: Fault[] = [];
  private readonly held: { url: string; body: string }[] = [];
  readonly acknowledged: Acknowledged[] = [];
  /** Held requests delivered so far, each after newer ones. */
  staleDelivered = 0;
  readonly counts: Record<Fault, number> = Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<
    Fault,
    number
  >;

  constructor(private readonly server: FetchLike) {}

  /** The faults the next requests will suffer, one per request. */
  planFaults(faults: readonly Fault[]): void {
    this.plan.splice(0, this.plan.length, ...faults);
  }

  get heldCount(): number {
    return this.held.length;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const fault = this.plan.shift() ?? 'none';
    this.counts[fault] += 1;
    switch (fault) {
      case 'none':
        return this.deliver(url, body);
      case 'dropRequest':
        throw new TypeError('network request failed');
      case 'loseReply':
        await this.deliver(url, body);
        throw new TypeError('connection reset');
      case 'duplicate':
        await this.deliver(url, body);
        return this.deliver(url, body);
      case 'delay':
        this.held.push({ url, body });
        throw new TypeError('request timed out');
      case 'proxyBadGateway':
        return new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
      case 'proxyTimeoutAfterCommit':
        await this.deliver(url, body);
        return new Response('<html>Gateway timeout</html>', { status: 504, headers: { 'content-type': 'text/html' } });
    }
  };

  /**
   * Delivers every held request, newest first, so each arrives after the
   * requests sent since; their replies go nowhere (the device gave up on them).
   */
  async deliverHeld(): Promise<number> {
    const stale = this.held.splice(0).reverse();
    for (const request of stale) await this.deliver(request.url, request.body);
    this.staleDelivered += stale.length;
    return stale.length;
  }

  private async deliver(url: string, body: string): Promise<Response> {
    const reply = await this.server(url, { method: 'POST', headers: JSON_HEADERS, body });
    const text = await reply.text();
    if (reply.status === 200) this.noteAcknowledged(body, text);
    return new Response(text, { status: reply.status, headers: JSON_HEADERS });
  }

  private noteAcknowledged(requestBody: string, replyBody: string): void {
    const request = JSON.parse(requestBody) as SyncRequest;
    const reply = JSON.parse(replyBody) as SyncResponse;
    const sent = new Map(request.mutations.map((mutation) => [mutation.id, mutation]));
    for (const result of reply.results) {
      const mutation = sent.get(result.id);
      if (mutation !== undefined && result.status !== 'rejected') {
        this.acknowledged.push({ mutation, status: result.status });
      }
    }
  }
}
