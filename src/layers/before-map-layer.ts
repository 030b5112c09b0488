// In interleaved mode deck.gl's maplibre overlay reads `beforeId` from a layer's props to slot it
// under a basemap layer; deck.gl 9.4's prop types do not declare it, so it is added here, once.
export function beforeMapLayer<P extends object>(props: P, beforeId: string): P {
  return { ...props, beforeId };
}
