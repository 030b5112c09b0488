// Reading a video back: its packets demuxed here with mediabunny, then decoded in a Chromium page with
// WebCodecs (no ffmpeg needed), giving the frame count, size and timestamps and the RGBA pixels of the
// frames asked for. Shared by scripts/export-story.ts (`frames VIDEO`) and tests/browser/video.test.ts.
import type { InputVideoTrack } from 'mediabunny';
import type { Page } from 'playwright-core';

export interface Packet {
  key: boolean;
  /** Seconds. */
  timestamp: number;
  duration: number;
  /** Base64, to cross into the page. */
  data: string;
}

export async function readPackets(track: InputVideoTrack): Promise<Packet[]> {
  const { EncodedPacketSink } = await import('mediabunny');
  const packets: Packet[] = [];
  for await (const packet of new EncodedPacketSink(track).packets())
    packets.push({
      key: packet.type === 'key',
      timestamp: packet.timestamp,
      duration: packet.duration,
      data: Buffer.from(packet.data).toString('base64'),
    });
  return packets;
}

export interface DecodedVideo {
  count: number;
  width: number;
  height: number;
  /** Microseconds, in presentation order. */
  timestamps: number[];
  /** The frames asked for (by index in presentation order) as RGBA, base64. */
  frames: Record<number, string>;
}

/**
 * Decodes `packets` in `page` (a secure context: http://127.0.0.1 or file://) and returns the frames at
 * `wanted` (indices in presentation order; -1 is the last) as RGBA.
 */
export async function decodeInPage(
  page: Page,
  config: VideoDecoderConfig,
  packets: Packet[],
  wanted: number[],
): Promise<DecodedVideo> {
  const raw = config.description;
  const description = raw
    ? Buffer.from(
        ArrayBuffer.isView(raw) ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : new Uint8Array(raw),
      ).toString('base64')
    : null;
  // Run from tsx, esbuild names the page function's inner functions through a `__name` helper that the
  // page lacks: give the page one that leaves them as they are.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    async ({ codec, description, packets, wanted }) => {
      const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const frames: VideoFrame[] = [];
      const decoder = new VideoDecoder({ output: (frame) => frames.push(frame), error: (e) => console.error(e) });
      decoder.configure({ codec, ...(description ? { description: fromBase64(description) } : {}) });
      for (const packet of packets)
        decoder.decode(
          new EncodedVideoChunk({
            type: packet.key ? 'key' : 'delta',
            timestamp: Math.round(packet.timestamp * 1e6),
            duration: Math.round(packet.duration * 1e6),
            data: fromBase64(packet.data),
          }),
        );
      await decoder.flush();
      decoder.close();
      frames.sort((a, b) => a.timestamp - b.timestamp);
      const grab = (frame: VideoFrame) => {
        const canvas = document.createElement('canvas');
        canvas.width = frame.displayWidth;
        canvas.height = frame.displayHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(frame, 0, 0);
        let binary = '';
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 0x8000)
          binary += String.fromCharCode(...data.subarray(i, Math.min(i + 0x8000, data.length)));
        return btoa(binary);
      };
      const grabbed: Record<number, string> = {};
      for (const index of wanted) {
        const at = index < 0 ? frames.length + index : index;
        if (frames[at]) grabbed[index] = grab(frames[at]);
      }
      const result = {
        count: frames.length,
        width: frames[0]?.displayWidth ?? 0,
        height: frames[0]?.displayHeight ?? 0,
        timestamps: frames.map((frame) => frame.timestamp),
        frames: grabbed,
      };
      frames.forEach((frame) => frame.close());
      return result;
    },
    { codec: config.codec, description, packets, wanted },
  );
}
