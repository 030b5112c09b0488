// Keeps the imported datasets in this browser (IndexedDB) across reloads, best effort: pages served over
// http(s) only. Where storage is refused (a sandboxed frame, some private modes, a full disk) it says so and
// nothing else changes. What is kept is a workspace text, read back through the same checks as a file.
import { STORED_IMPORTS_KEY } from './boot.ts';

const DB_NAME = 'corridor-atlas';
const STORE_NAME = 'imports';
const KEY = 'workspace';
/** Some private modes never answer an open request: past this, storage counts as refused. */
const OPEN_TIMEOUT_MS = 3000;

let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), OPEN_TIMEOUT_MS);
    const done =
      <T>(settle: (value: T) => void) =>
      (value: T) => (clearTimeout(timer), settle(value));
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
      request.onsuccess = () => done(resolve)(request.result);
      request.onerror = () => done(reject)(request.error ?? new Error('IndexedDB refused'));
      request.onblocked = () => done(reject)(new Error('IndexedDB blocked'));
    } catch (error) {
      done(reject)(error); // SecurityError: storage is off for this page
    }
  });
  db.catch(() => (db = null)); // the next try asks again
  return db;
}

function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(STORE_NAME, mode);
        const request = use(transaction.objectStore(STORE_NAME));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB failed'));
      }),
  );
}

function flag(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORED_IMPORTS_KEY, '1');
    else localStorage.removeItem(STORED_IMPORTS_KEY);
  } catch {
    // Without the flag the imports are not looked for at start: the same as not kept.
  }
}

/** Keeps `text` (a workspace), or forgets what was kept (null). False when the browser refused. */
export async function keepText(text: string | null): Promise<boolean> {
  try {
    if (text === null) await run('readwrite', (store) => store.delete(KEY));
    else await run('readwrite', (store) => store.put(text, KEY));
    flag(text !== null);
    return true;
  } catch (error) {
    console.warn('imports could not be kept in this browser', error);
    flag(false);
    return false;
  }
}

/** The workspace text kept by an earlier visit, or null (none, or storage refused). */
export async function readKeptText(): Promise<string | null> {
  try {
    const text = await run<unknown>('readonly', (store) => store.get(KEY));
    return typeof text === 'string' ? text : null;
  } catch (error) {
    console.warn('kept imports could not be read', error);
    return null;
  }
}

/** Whether this browser lets the page keep data at all (opens the database once). */
export async function storageWorks(): Promise<boolean> {
  try {
    await open();
    return true;
  } catch {
    return false;
  }
}
