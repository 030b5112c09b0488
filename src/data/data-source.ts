// Where the app's JSON comes from: its own origin, or, in the single-file build, the bundle itself
// (a page opened from file:// cannot fetch). The embedded branch is dropped from the normal build.
export async function loadJson(path: string): Promise<unknown> {
  if (import.meta.env.VITE_SINGLE_FILE === 'true') {
    const { EMBEDDED_DATA } = await import('./embedded-data.ts');
    const data = EMBEDDED_DATA[path];
    if (data === undefined) throw new Error(`${path}: not embedded`);
    return data;
  }
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}
