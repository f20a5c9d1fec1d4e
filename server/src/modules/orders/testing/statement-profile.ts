// Diagnostics for the bench (BENCH_ORDERS_PROFILE=1): time spent per SQL statement on PGlite,
// measured around the client's query calls (also inside transactions).
import { PGlite } from '@electric-sql/pglite';

interface Entry {
  n: number;
  ms: number;
}

const stats = new Map<string, Entry>();
let installed = false;
let recording = false;

type Queryable = { query: (...args: unknown[]) => Promise<unknown> };

function wrap(target: Queryable): void {
  const original = target.query;
  target.query = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      if (recording) {
        const key = String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 100);
        const entry = stats.get(key) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += performance.now() - started;
        stats.set(key, entry);
      }
    }
  };
}

/** Starts recording statement times (installs the wrappers once). */
export function startStatementProfile(): void {
  if (!installed) {
    installed = true;
    wrap(PGlite.prototype as unknown as Queryable);
    const proto = PGlite.prototype as unknown as {
      transaction: (cb: (tx: Queryable) => Promise<unknown>) => Promise<unknown>;
    };
    const transaction = proto.transaction;
    proto.transaction = function (this: unknown, cb: (tx: Queryable) => Promise<unknown>) {
      return transaction.call(this, (tx: Queryable) => {
        wrap(tx);
        return cb(tx);
      });
    };
  }
  stats.clear();
  recording = true;
}

/** Stops recording and returns the statements by total time: count, total ms, per call. */
export function stopStatementProfile(top = 15): string[] {
  recording = false;
  const total = [...stats.values()].reduce((sum, e) => sum + e.ms, 0);
  const lines = [...stats]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top)
    .map(
      ([sql, e]) =>
        `${String(e.n).padStart(7)} ${e.ms.toFixed(0).padStart(7)} ms ${(e.ms / e.n).toFixed(3).padStart(7)}  ${sql}`,
    );
  return [`statements: ${total.toFixed(0)} ms in all`, ...lines];
}
