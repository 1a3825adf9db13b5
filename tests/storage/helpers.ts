import {
  IDBCursor,
  IDBDatabase,
  type IDBFactory,
  IDBIndex,
  IDBObjectStore,
  IDBRequest,
  IDBTransaction,
} from 'fake-indexeddb';
import { type LevelSpec, type NetworkSpec, parseLevel, parseNetwork } from '../../src/spec';
import {
  DB_NAME,
  type KeptVerdict,
  type LevelResult,
  openDatabase,
  openPlayerStore,
  type PlayerStore,
  type StoreName,
  type Timers,
} from '../../src/storage';
import { slashLevelDocument, xoNetworkDocument } from '../fixtures/documents';
import { ManualTimers } from '../fixtures/manual-timers';

// idb recognises IndexedDB objects by the browser's global classes, which Node lacks: lend it
// fake-indexeddb's. The global `indexedDB` stays unset, so a store can only use the factory it is given.
Object.assign(globalThis, { IDBCursor, IDBDatabase, IDBIndex, IDBObjectStore, IDBRequest, IDBTransaction });

/** A clock that starts at a fixed moment and moves only when told. */
export class ManualClock {
  #time: number;
  constructor(iso = '2025-03-01T10:00:00.000Z') {
    this.#time = Date.parse(iso);
  }
  readonly now = (): Date => new Date(this.#time);
  advance(ms: number): void {
    this.#time += ms;
  }
}

/**
 * BroadcastChannel between the tabs of one test: a message reaches every other channel of the same
 * name, never its sender, a turn of the event loop later, as the browser's does. A real
 * BroadcastChannel would let the tests of one file (all on the database name "convblocks") hear
 * each other.
 */
export class TestBus {
  readonly #channels = new Set<TestChannel>();
  /** Messages posted so far, for tests that check what was said. */
  readonly posted: unknown[] = [];

  /** A channel on this bus, as `new BroadcastChannel(name)` would give. */
  readonly open = (name: string): TestChannel => {
    const channel = new TestChannel(name, this);
    this.#channels.add(channel);
    return channel;
  };

  /** Delivers a message to the other open channels of that name. */
  deliver(from: TestChannel, data: unknown): void {
    this.posted.push(data);
    for (const channel of this.#channels) {
      if (channel !== from && channel.name === from.name) {
        setImmediate(() => channel.dispatchEvent(new MessageEvent('message', { data })));
      }
    }
  }

  /** Forgets a closed channel. */
  remove(channel: TestChannel): void {
    this.#channels.delete(channel);
  }
}

/** One tab's end of a TestBus. */
export class TestChannel extends EventTarget {
  constructor(
    readonly name: string,
    readonly bus: TestBus,
  ) {
    super();
  }
  postMessage(data: unknown): void {
    this.bus.deliver(this, data);
  }
  close(): void {
    this.bus.remove(this);
  }
}

const buses = new WeakMap<object, TestBus>();

/** The bus of the tabs on one factory (one browser profile). */
export function busOf(factory: IDBFactory | undefined): TestBus {
  const key = factory ?? buses;
  let bus = buses.get(key);
  if (!bus) {
    bus = new TestBus();
    buses.set(key, bus);
  }
  return bus;
}

/** A store on the given factory with test timers and clock; stores on one factory hear each other. */
export function openTestStore(
  factory: IDBFactory | undefined,
  timers: Timers = new ManualTimers(),
  clock = new ManualClock(),
): Promise<PlayerStore> {
  return openPlayerStore({ indexedDB: factory, timers, now: clock.now, broadcast: busOf(factory).open });
}

/** Every row of one store, read through a connection of its own (as another tab would). */
export async function readRows(factory: IDBFactory, store: StoreName): Promise<unknown[]> {
  const db = await openDatabase(factory, DB_NAME);
  try {
    return await db.getAll(store);
  } finally {
    db.close();
  }
}

/** Puts raw rows into a store, as some other code (or a bug) might have written them. */
export async function writeRows(factory: IDBFactory, store: StoreName, rows: unknown[]): Promise<void> {
  const db = await openDatabase(factory, DB_NAME);
  const tx = db.transaction(store, 'readwrite');
  for (const row of rows) await tx.store.put(row as never);
  await tx.done;
  db.close();
}

/** The network document of the course's X-or-O example, with changes. */
export const networkDocument = xoNetworkDocument;

/** The X-or-O network, parsed. */
export function sampleNetwork(changes: Record<string, unknown> = {}): NetworkSpec {
  return parseNetwork(networkDocument(changes));
}

/** Weights lining up with the sample network's layers. */
export function sampleWeights(): unknown[] {
  return [
    { kernel: Array.from({ length: 18 }, (_, i) => i / 10 - 0.9), bias: [0.5, -0.5] },
    null,
    null,
    null,
    { kernel: Array.from({ length: 64 }, (_, i) => (i % 7) / 7), bias: [0.1, -0.1] },
  ];
}

/** A small level document, with changes. */
export const levelDocument = slashLevelDocument;

/** A small level, parsed. */
export function sampleLevel(changes: Record<string, unknown> = {}): LevelSpec {
  return parseLevel(levelDocument(changes));
}

/** A winning attempt, with changes. */
export function win(changes: Partial<LevelResult> = {}): LevelResult {
  return { won: true, stars: 2, accuracy: 1, params: 120, steps: 80, ...changes };
}

/** A won run's verdict as the game keeps it: two stars, 3 of 4 hidden pictures right at step 140. */
export const sampleVerdict: KeptVerdict = {
  won: true,
  stars: 2,
  accuracy: 0.75,
  step: 140,
  reason: 'learned',
  trainAccuracy: 1,
  predicted: [0, 1, 1, 0],
  probabilities: [0.875, 0.125, 0.25, 0.75, 0.5, 0.5, 0.625, 0.375],
};
