/** A factory whose `open` throws, as some browsers do in private windows. */
export function throwingFactory(errorName: string): IDBFactory {
  return {
    open() {
      throw new DOMException('The operation is insecure.', errorName);
    },
  } as unknown as IDBFactory;
}

/** An open request that the test drives by hand. */
export class ScriptedRequest extends EventTarget {
  result: unknown;
  error: DOMException | null = null;
  transaction = null;

  /** Fails the open with an error of this name. */
  fail(errorName: string): void {
    this.error = new DOMException('Storage was refused.', errorName);
    this.dispatchEvent(new Event('error'));
  }

  /** Says another connection holds an older version open. */
  block(): void {
    this.dispatchEvent(new Event('blocked'));
  }

  /** Opens after all, with this (real) connection. */
  succeed(db: unknown): void {
    this.result = db;
    this.dispatchEvent(new Event('success'));
  }
}

/** A factory whose one open request the test drives; `request` resolves once `open` was called. */
export function scriptedFactory(): { factory: IDBFactory; request: ScriptedRequest } {
  const request = new ScriptedRequest();
  return { factory: { open: () => request } as unknown as IDBFactory, request };
}

type Abortable = IDBTransaction & { _abort(errorName: string): void };

/**
 * Wraps a real factory: it records each connection it opens, and once `fillUp` is called every
 * write transaction aborts with QuotaExceededError at commit, as a browser does when storage is full.
 */
export function instrumentedFactory(real: IDBFactory): {
  factory: IDBFactory;
  connections: IDBDatabase[];
  fillUp(): void;
} {
  const connections: IDBDatabase[] = [];
  let full = false;
  const factory = {
    open(name: string, version?: number) {
      const request = real.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction;
        // An own property on this one connection: nothing global is patched.
        db.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
          const tx = transaction.apply(this, args) as Abortable;
          if (full && args[1] === 'readwrite') queueMicrotask(() => tx._abort('QuotaExceededError'));
          return tx;
        };
        connections.push(db);
      });
      return request;
    },
  } as unknown as IDBFactory;
  return {
    factory,
    connections,
    fillUp() {
      full = true;
    },
  };
}

/**
 * Wraps a real factory: once `breakPuts` is called, every `put` throws a DOMException of
 * `errorName` synchronously, as Chromium's `IDBObjectStore.put` does when it cannot take a value.
 * Requests issued before it (a `clear()`) stay issued: only aborting the transaction undoes them.
 */
export function throwingPutFactory(
  real: IDBFactory,
  errorName: string,
): { factory: IDBFactory; real: IDBFactory; breakPuts(): void } {
  let broken = false;
  const factory = {
    open(name: string, version?: number) {
      const request = real.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction;
        db.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
          const tx = transaction.apply(this, args);
          const objectStore = tx.objectStore;
          tx.objectStore = function (this: IDBTransaction, storeName: string) {
            const store = objectStore.call(this, storeName);
            const put = store.put;
            store.put = function (this: IDBObjectStore, ...putArgs: Parameters<IDBObjectStore['put']>) {
              if (broken) throw new DOMException('The quota has been exceeded.', errorName);
              return put.apply(this, putArgs);
            };
            return store;
          };
          return tx;
        };
      });
      return request;
    },
  } as unknown as IDBFactory;
  return {
    factory,
    real,
    breakPuts() {
      broken = true;
    },
  };
}

/** A factory whose open request never answers, as a wedged browser profile's does. */
export function silentFactory(): { factory: IDBFactory; opened: () => number } {
  let opened = 0;
  return {
    factory: {
      open: () => {
        opened++;
        return new ScriptedRequest();
      },
    } as unknown as IDBFactory,
    opened: () => opened,
  };
}
