/** A request queue that computes only the latest request (see createLatestOnly). */
export interface LatestOnly<Q> {
  /** Asks for `q`; a request still waiting is dropped (never computed). Returns the request's sequence number. */
  request(q: Q): number;
  /** Drops the request waiting and the answer of the one being computed (e.g. the edit was committed). */
  cancel(): void;
  /** The sequence number of the latest request (0 before any). */
  readonly requested: number;
  /** Requests computed, and requests dropped before being computed, so far. */
  readonly computed: number;
  readonly dropped: number;
}

/**
 * Sends at most one request at a time to `compute`; while one is being computed, a newer request
 * replaces the one waiting, so a burst of pointer moves costs one computation per answer and the
 * figures follow the latest position. Each request has a sequence number (rising from 1); an answer
 * is delivered unless `cancel` was called after its request was made, so answers arrive in rising
 * order. A failed computation delivers nothing.
 */
export function createLatestOnly<Q, R>(compute: (q: Q) => Promise<R>, deliver: (answer: R, q: Q, seq: number) => void): LatestOnly<Q> {
  let seq = 0;
  let cancelledUpTo = 0;
  let busy = false;
  let waiting: { q: Q; seq: number } | undefined;
  let computed = 0;
  let dropped = 0;
  const pump = async () => {
    if (busy || !waiting) return;
    const job = waiting;
    waiting = undefined;
    busy = true;
    computed++;
    try {
      const answer = await compute(job.q);
      if (job.seq > cancelledUpTo) deliver(answer, job.q, job.seq);
    } catch (e) {
      // A failed preview shows nothing (the edit itself reports any problem when committed); the
      // console keeps the error, and the next request is computed as usual.
      console.error(e);
    } finally {
      busy = false;
      void pump();
    }
  };
  return {
    request(q: Q): number {
      if (waiting) dropped++;
      waiting = { q, seq: ++seq };
      void pump();
      return seq;
    },
    cancel(): void {
      if (waiting) dropped++;
      waiting = undefined;
      cancelledUpTo = seq;
    },
    get requested() {
      return seq;
    },
    get computed() {
      return computed;
    },
    get dropped() {
      return dropped;
    },
  };
}
