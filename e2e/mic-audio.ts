import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';
import { quietRoomWav, steadyNoiseWav, writeWav } from '../scripts/test-audio.js';

/**
 * Chromium with a fake microphone per audio file (the flag takes one file per launch, looped),
 * and an in-page probe that taps the panel's microphone stream and watches the warning.
 */
export const SPEECH_WAV = fileURLToPath(new URL('./media/speech.wav', import.meta.url));
const MEDIA_DIR = new URL('../node_modules/.e2e-media/', import.meta.url);

/**
 * The steady fan-with-hum and the quiet room, generated in code (deterministic, so every worker
 * writes the same bytes; written aside and renamed so a browser never reads half a file).
 */
export function generatedWav(kind: 'noise' | 'quiet'): string {
  const path = fileURLToPath(new URL(`${kind}.wav`, MEDIA_DIR));
  const partial = `${path}.${process.pid}.partial`;
  writeWav(partial, kind === 'noise' ? steadyNoiseWav() : quietRoomWav());
  renameSync(partial, path);
  return path;
}

export function launchWithMicrophone(wav: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  });
}

export interface MicProbe {
  streams: MediaStream[];
  /** The permission state when the panel called getUserMedia, one entry per call. */
  permissionAtCall: string[];
  /** When a talking-while-muted `role=alert` element was inserted (performance.now). */
  alerts: number[];
  /** When the live region's text mentioned talking while muted. */
  announcements: number[];
}

/** Init script: wraps getUserMedia to keep the panel's stream, and watches the DOM. */
export const MIC_PROBE = () => {
  const probe: MicProbe = { streams: [], permissionAtCall: [], alerts: [], announcements: [] };
  (window as unknown as { __micProbe: MicProbe }).__micProbe = probe;
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (devices?.getUserMedia) {
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const permission = await navigator.permissions
        .query({ name: 'microphone' as PermissionName })
        .then((status) => status.state as string)
        .catch(() => 'unknown');
      probe.permissionAtCall.push(permission);
      const stream = await original(constraints);
      probe.streams.push(stream);
      return stream;
    };
  }
  const warning = /talking while muted/i;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const alerts = [node, ...node.querySelectorAll('[role=alert]')].filter(
          (e) => e.getAttribute('role') === 'alert' && warning.test(e.textContent ?? ''),
        );
        alerts.forEach(() => probe.alerts.push(now));
      }
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = target?.closest('[aria-live]');
      if (region && warning.test(region.textContent ?? '')) probe.announcements.push(now);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

export interface MicSample {
  t: number;
  /** Level of the panel's own microphone stream, measured independently of the panel (dBFS). */
  db: number;
  /** The warning is on screen. */
  shown: boolean;
  /** The meter's value as drawn (null when there is no meter). */
  meter: number | null;
}

export interface MicRecording {
  start: number;
  end: number;
  samples: MicSample[];
  alerts: number[];
  announcements: number[];
}

/**
 * Samples, inside the page every 100 ms for `ms`, the level of the stream the panel opened (its
 * own AnalyserNode: the test's ground truth for when speech plays) and whether the warning shows.
 */
export async function recordMic(page: Page, ms: number): Promise<MicRecording> {
  return page.evaluate(async (durationMs) => {
    const probe = (window as unknown as { __micProbe: MicProbe }).__micProbe;
    const stream = probe.streams.at(-1);
    if (!stream) throw new Error('The panel has not opened the microphone.');
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    const samples: MicSample[] = [];
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(buffer);
        const power = buffer.reduce((sum, s) => sum + s * s, 0) / buffer.length;
        const alert = [...document.querySelectorAll('[role=alert]')].find((e) =>
          /talking while muted/i.test(e.textContent ?? ''),
        );
        const meter = document.querySelector('meter');
        samples.push({
          t: performance.now(),
          db: 10 * Math.log10(power + 1e-12),
          shown: alert !== undefined && alert.getClientRects().length > 0,
          meter: meter ? meter.value : null,
        });
        if (performance.now() - start < durationMs) return;
        clearInterval(timer);
        resolve();
      }, 100);
    });
    await context.close();
    const end = performance.now();
    const within = (t: number) => t >= start && t <= end;
    return {
      start,
      end,
      samples,
      alerts: probe.alerts.filter(within),
      announcements: probe.announcements.filter(within),
    };
  }, ms);
}

export interface Segment {
  start: number;
  end: number;
}

/**
 * Where speech plays, from the tapped level alone: samples above -40 dBFS, merged across gaps
 * shorter than 1.2 s (the test file's pauses between words and sentences are shorter; the
 * quiet between passages is 3 s).
 */
export function speechSegments(recording: MicRecording): Segment[] {
  const segments: Segment[] = [];
  for (const sample of recording.samples.filter((s) => s.db >= -40)) {
    const last = segments.at(-1);
    if (last && sample.t - last.end <= 1200) last.end = sample.t;
    else segments.push({ start: sample.t, end: sample.t });
  }
  return segments;
}

/** Passages that started after the recording began and ended well before it stopped. */
export function completeSegments(recording: MicRecording): Segment[] {
  return speechSegments(recording).filter(
    (s) => s.start - recording.start >= 300 && recording.end - s.end >= 1500,
  );
}

export function shownFraction(recording: MicRecording, segment: Segment): number {
  const during = recording.samples.filter((s) => s.t >= segment.start && s.t <= segment.end);
  return during.filter((s) => s.shown).length / Math.max(1, during.length);
}
