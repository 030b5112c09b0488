// The header's "Export PNG" menu: 1×, 2× or 4× the screen's pixels, loading the exporter on demand,
// with a status while it works and a localized notice if it fails.
import type { Layer } from '@deck.gl/core';
import type { MapView } from '../map/map-view.ts';
import type { LegendGroup } from '../model/legend-model.ts';
import { formatNumber, t, tf, type Lang } from '../core/i18n/i18n.ts';
import { formatDate } from '../core/i18n/format.ts';
import { bindMenu } from '../ui/menu.ts';
import { showNotice, showStatus } from '../ui/chrome.ts';
import type { ExportScale } from './png-export.ts';
import type { Theme } from '../core/theme.ts';

const EXPORT_SCALES: readonly ExportScale[] = [1, 2, 4];

/** The light theme keeps the white band; the others take their land and label colours. */
const bandOf = (theme: Theme) =>
  theme.id === 'light' ? {} : { band: { background: theme.land, ink: theme.placeLabelText, muted: theme.labelText } };

export interface PngExportInputs {
  view: MapView;
  /** The layers on screen now. */
  layers(): Layer[];
  lang(): Lang;
  /** The theme drawn: the band below the map takes its colours. */
  theme(): Theme;
  legend(): LegendGroup[];
  /** The newest dated report, printed as "Data as of …". */
  dataDate: string;
  elements: { button: HTMLElement; menu: HTMLElement; map: HTMLElement; status: HTMLElement; notices: HTMLElement };
}

export type ExportPng = (scale?: ExportScale) => Promise<{ width: number; height: number; url: string }>;

/** Binds the menu and returns the export itself (the test handle uses it too). */
export function bindPngExport({ view, layers, lang, theme, legend, dataDate, elements }: PngExportInputs): ExportPng {
  const exportPng: ExportPng = async (scale = 1) => {
    const current = lang();
    showStatus(elements.status, t(current, 'export.working'));
    try {
      const { exportPng: render } = await import('./png-export.ts');
      const image = await render({
        view,
        layers: layers(),
        scale,
        lang: current,
        title: `${t(current, 'app.title')} · ${t(current, 'app.subtitle')}`,
        legend: legend(),
        attribution: t(current, 'map.attribution'),
        dataDate: tf(current, 'export.dataDate', { date: formatDate(current, dataDate) }),
        ...bandOf(theme()),
      });
      const url = URL.createObjectURL(image.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'corridor-atlas.png';
      link.click();
      return { width: image.width, height: image.height, url };
    } catch (error) {
      console.error('export failed', error);
      showNotice(elements.notices, current, 'export.failed');
      throw error;
    } finally {
      showStatus(elements.status, null);
    }
  };
  bindMenu(elements.button, elements.menu, () =>
    EXPORT_SCALES.map((scale) => ({
      label: tf(lang(), 'export.scale', {
        n: formatNumber(lang(), scale),
        px: formatNumber(lang(), Math.round(elements.map.clientWidth * devicePixelRatio * scale)),
      }),
      attrs: { 'data-scale': String(scale) },
      choose: () => void exportPng(scale),
    })),
  );
  return exportPng;
}
