// Imported flows cluster by what the window shows, not by an absolute zoom (src/model/imported-refs.ts): a
// window opens at the zoom that fits the region, smaller windows further out (3.37 at 800×600 and 3.2 at
// 700×600, both clustered on opening under the old absolute 3.5; 3.8 at 1024×768 and 1280×800), and that
// view is never clustered; zooming out beyond it clusters, as zooming out below 3.5 does in a large window.
// The level stays a zoom bucket, so panning rebuilds nothing.
import { describe, expect, it } from 'vitest';
import { clusterLevel, fitBucketOf, UNCLUSTERED, zoomBucketOf } from '../../src/model/imported-refs.ts';
import { clusterPlaces } from '../../src/model/flow-clusters.ts';

/** Province capitals a small window shows close together: Tehran, Mazandaran (Sari), Gilan (Rasht), Golestan (Gorgan). */
const positions = Float64Array.from([51.39, 35.69, 53.06, 36.56, 49.58, 37.28, 54.43, 36.84]);
const weights = [4, 3, 2, 1];

describe('clustering by the view that fits the window', () => {
  it('never clusters the view a window opens at, whatever its size', () => {
    for (let fit = 1.5; fit <= 5; fit += 0.01)
      expect(clusterLevel(zoomBucketOf(fit), fitBucketOf(fit)), `fit zoom ${fit.toFixed(2)}`).toBe(UNCLUSTERED);
  });

  it('opens unclustered at 800×600 (fit 3.37), where the absolute 3.5 once clustered', () => {
    const fit = 3.37;
    expect(zoomBucketOf(fit)).toBeLessThan(UNCLUSTERED); // the old rule: clustered on opening
    const level = clusterLevel(zoomBucketOf(fit), fitBucketOf(fit));
    expect(level).toBe(UNCLUSTERED);
    expect(clusterPlaces(positions, weights, level).count).toBe(4); // every place its own end
  });

  it('clusters once zoomed out beyond the fitting view, by the zoom bucket', () => {
    const fit = 3.37;
    const level = clusterLevel(zoomBucketOf(3.1), fitBucketOf(fit));
    expect(level).toBe(zoomBucketOf(3.1));
    expect(clusterPlaces(positions, weights, level).count).toBeLessThan(4);
    // A pan keeps the bucket: the same level.
    expect(clusterLevel(zoomBucketOf(3.12), fitBucketOf(fit))).toBe(level);
  });

  it('in a window that fits at 3.6 clusters below 3.5, as before', () => {
    const fit = 3.6;
    expect(clusterLevel(zoomBucketOf(3.6), fitBucketOf(fit))).toBe(UNCLUSTERED);
    expect(clusterLevel(zoomBucketOf(3.4), fitBucketOf(fit))).toBe(13);
    // A large window (fit 4.2) still keeps every place its own end from 3.5 on.
    expect(clusterLevel(zoomBucketOf(3.6), fitBucketOf(4.2))).toBe(UNCLUSTERED);
    expect(clusterLevel(zoomBucketOf(3.4), fitBucketOf(4.2))).toBe(13);
  });

  it('without a known window, the absolute zoom decides alone', () => {
    expect(clusterLevel(zoomBucketOf(3.4))).toBe(13);
    expect(clusterLevel(undefined, fitBucketOf(3.3))).toBe(UNCLUSTERED);
  });
});
