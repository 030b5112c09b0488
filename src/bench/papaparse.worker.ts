// The import benchmark's baseline: plain papaparse on the same file, in a worker like the app's.
import Papa from 'papaparse';

interface Scope {
  postMessage(message: { rows: number }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<File>) => void): void;
}
const scope = globalThis as unknown as Scope;

scope.addEventListener('message', async (event) => {
  const text = await event.data.text();
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  scope.postMessage({ rows: parsed.data.length - 1 });
});
