/**
 * Prompt audio: generated once per process from the seeded prompts and served from each
 * resource's `mediaUri` on the emulator's origin (the platform hands out a pre-signed URL on
 * another host; contract §2.9). Byte ranges are honoured so `<audio>` can seek.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, notFound } from '../errors.js';
import { PROMPTS, type SeedPrompt, type SeedPromptResource } from '../seed-architect.js';
import { encodeWav, promptPattern, synthesize } from './wav.js';

export const MEDIA_PREFIX = '/__media/prompts';

let cache: Map<string, Buffer> | undefined;

const keyOf = (promptId: string, language: string) => `${promptId}/${language.toLowerCase()}`;

/** Every transcoded resource's WAV, made on first use. */
function allMedia(): Map<string, Buffer> {
  if (!cache) {
    cache = new Map();
    for (const prompt of PROMPTS) {
      for (const resource of prompt.resources) {
        if (resource.uploadStatus !== 'transcoded' || !resource.durationMs) continue;
        const tones = promptPattern(resource.durationMs, resource.voiceHz);
        cache.set(keyOf(prompt.id, resource.language), encodeWav(synthesize(tones)));
      }
    }
  }
  return cache;
}

/** Generates the audio now (at emulator start) rather than on the first request. */
export function warmPromptMedia(): void {
  allMedia();
}

export function promptMedia(promptId: string, language: string): Buffer | undefined {
  return allMedia().get(keyOf(promptId, language));
}

/** Absolute media URL of a resource, or undefined when it has no audio. */
export function mediaUriOf(
  origin: string,
  prompt: SeedPrompt,
  resource: SeedPromptResource,
): string | undefined {
  if (!promptMedia(prompt.id, resource.language)) return undefined;
  return `${origin}${MEDIA_PREFIX}/${prompt.id}/${resource.language}.wav`;
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else is ignored (whole file). */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export function registerMediaRoutes(app: FastifyInstance): void {
  app.get<{ Params: { promptId: string; file: string } }>(
    `${MEDIA_PREFIX}/:promptId/:file`,
    async (request, reply) => {
      const language = /^([\w-]+)\.wav$/.exec(request.params.file)?.[1];
      const wav = language ? promptMedia(request.params.promptId, language) : undefined;
      if (!wav) throw notFound('No media at this address.');
      return sendRange(reply, wav, parseRange(request.headers.range, wav.length));
    },
  );
}

function sendRange(reply: FastifyReply, wav: Buffer, range: ByteRange) {
  if (range === 'unsatisfiable') {
    throw new ApiError(416, 'range.not.satisfiable', 'The requested range is not satisfiable.', {
      'Content-Range': `bytes */${wav.length}`,
    });
  }
  reply
    .header('Content-Type', 'audio/wav')
    .header('Accept-Ranges', 'bytes')
    .header('Cache-Control', 'private, max-age=3600');
  if (!range) return reply.code(200).send(wav);
  return reply
    .code(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${wav.length}`)
    .send(wav.subarray(range.start, range.end + 1));
}
