import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addExtraUser } from '../src/extra-users.js';
import { wavDurationSeconds } from '../src/playback/wav.js';
import { MAIN_MENU_FLOW_ID, PLAY_PROMPT_FLOW_ID, PROMPT_IDS, PROMPTS } from '../src/seed.js';
import { ALICE, api, BOB, signIn, startEmulator } from './harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;

beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
});

type Asset = Record<string, unknown> & { language: string; mediaUri?: string };
type Prompt = Record<string, unknown> & { id: string; name: string; resources?: Asset[] };
type Listing<T> = { entities: T[] } & Record<string, unknown>;

async function listPrompts(query: string, token = alice) {
  const response = await api(running.url, token, 'GET', `/architect/prompts?${query}`);
  return { status: response.status, body: response.body as Listing<Prompt> };
}

const names = (listing: Listing<Prompt>) => listing.entities.map((p) => p.name);

describe('GET /architect/prompts', () => {
  it('lists the seeded prompts as PromptEntityListing with resources and media URIs', async () => {
    const { status, body } = await listPrompts('pageSize=25&pageNumber=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ pageSize: 25, pageNumber: 1, total: 6, pageCount: 1 });
    expect(body.selfUri).toBe('/api/v2/architect/prompts?pageSize=25&pageNumber=1');
    expect(body).not.toHaveProperty('nextUri');
    const disclosure = body.entities.find((p) => p.id === PROMPT_IDS.recordingDisclosure)!;
    expect(disclosure).toMatchObject({
      name: 'Recording_disclosure',
      description: 'Recording disclosure',
      selfUri: `/api/v2/architect/prompts/${PROMPT_IDS.recordingDisclosure}`,
    });
    expect(disclosure.resources).toHaveLength(2);
    expect(disclosure.resources![0]).toEqual({
      id: 'en-us',
      name: 'Recording_disclosure',
      promptId: PROMPT_IDS.recordingDisclosure,
      language: 'en-us',
      mediaUri: `${running.url}/__media/prompts/${PROMPT_IDS.recordingDisclosure}/en-us.wav`,
      ttsString: 'This call may be recorded for quality and training purposes.',
      text: 'This call may be recorded for quality and training purposes.',
      uploadStatus: 'transcoded',
      languageDefault: true,
      tags: {},
      durationSeconds: 4,
      selfUri: `/api/v2/architect/prompts/${PROMPT_IDS.recordingDisclosure}/resources/en-us`,
    });
  });

  it('shows an untranscoded resource with no media and no duration', async () => {
    const { body } = await listPrompts('name=Holiday_hours');
    const [asset] = body.entities[0]!.resources!;
    expect(asset).toMatchObject({ uploadStatus: 'created', language: 'en-us' });
    expect(asset).not.toHaveProperty('mediaUri');
    expect(asset).not.toHaveProperty('durationSeconds');
  });

  it('pages with pageSize and pageNumber', async () => {
    const { body } = await listPrompts('pageSize=2&pageNumber=2&sortBy=name');
    expect(body).toMatchObject({ pageSize: 2, pageNumber: 2, total: 6, pageCount: 3 });
    expect(names(body)).toEqual(['Payment_terms', 'Recording_disclosure']);
    expect(body.nextUri).toBe('/api/v2/architect/prompts?pageSize=2&pageNumber=3&sortBy=name');
    expect(body.previousUri).toBe('/api/v2/architect/prompts?pageSize=2&pageNumber=1&sortBy=name');
    const beyond = await listPrompts('pageSize=2&pageNumber=9');
    expect(beyond.body.entities).toEqual([]);
    const bad = await listPrompts('pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid.value' });
  });

  it('filters by name: whole name, any case, `*` as a wildcard', async () => {
    expect(names((await listPrompts('name=hold_PLEASE')).body)).toEqual(['Hold_please']);
    expect(names((await listPrompts('name=Hold')).body)).toEqual([]);
    expect(names((await listPrompts('name=*_*E&sortBy=name')).body)).toEqual([
      'Hold_please',
      'Recording_disclosure',
      'Transfer_notice',
    ]);
  });

  it('several names match any of them, and the other filters are ignored', async () => {
    const { body } = await listPrompts(
      'name=Hold_please&name=Survey*&description=nothing-matches&sortBy=name',
    );
    expect(names(body)).toEqual(['Hold_please', 'Survey_invitation']);
    // The SDK's request code joins a list with commas.
    const joined = await listPrompts('name=Hold_please,Survey*&sortBy=name');
    expect(names(joined.body)).toEqual(['Hold_please', 'Survey_invitation']);
    const single = await listPrompts('name=Hold_please&description=nothing-matches');
    expect(single.body.entities).toEqual([]);
  });

  it('honours includeMediaUris, includeResources and language', async () => {
    const noMedia = await listPrompts('name=Hold_please&includeMediaUris=false');
    expect(noMedia.body.entities[0]!.resources![0]).not.toHaveProperty('mediaUri');
    expect(noMedia.body.entities[0]!.resources![0]).toHaveProperty('durationSeconds', 2);
    const noResources = await listPrompts('name=Hold_please&includeResources=false');
    expect(noResources.body.entities[0]).not.toHaveProperty('resources');
    const spanish = await listPrompts('name=Recording_disclosure&language=es-US');
    expect(spanish.body.entities[0]!.resources!.map((r) => r.language)).toEqual(['es-us']);
  });

  it('answers 403 missing.any.permissions without architect:userPrompt:view', async () => {
    addExtraUser({
      id: 'b0a1ce00-0000-4000-8000-0000000000ff',
      name: 'Nora Noprompts',
      email: 'nora@example.com',
      title: 'Agent',
      permissions: ['conversation:participant:wrapup'],
      queueIds: [],
      isAgent: true,
    });
    const nora = await signIn(running.url, 'nora@example.com');
    const { status, body } = await listPrompts('', nora);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'missing.any.permissions', status: 403 });
    expect(String(body.message)).toContain('architect:userPrompt:view');
    const one = await api(running.url, nora, 'GET', `/architect/prompts/${PROMPT_IDS.holdPlease}`);
    expect(one.status).toBe(403);
  });
});

describe('GET /architect/prompts/{id} and its resources', () => {
  it('returns one Prompt, 404 for an unknown id', async () => {
    const response = await api(
      running.url,
      alice,
      'GET',
      `/architect/prompts/${PROMPT_IDS.paymentTerms}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: PROMPT_IDS.paymentTerms, name: 'Payment_terms' });
    const missing = await api(running.url, alice, 'GET', '/architect/prompts/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not.found' });
  });

  it('lists resources as PromptAssetEntityListing and reads one by language', async () => {
    const path = `/architect/prompts/${PROMPT_IDS.recordingDisclosure}/resources`;
    const listing = await api(running.url, alice, 'GET', `${path}?pageSize=1`);
    expect(listing.status).toBe(200);
    expect(listing.body).toMatchObject({ pageSize: 1, pageNumber: 1, total: 2, pageCount: 2 });
    expect((listing.body as Listing<Asset>).entities.map((a) => a.language)).toEqual(['en-us']);
    const spanish = await api(running.url, alice, 'GET', `${path}/es-us`);
    expect(spanish.body).toMatchObject({ language: 'es-us', durationSeconds: 4.5 });
    const none = await api(running.url, alice, 'GET', `${path}/fr-fr`);
    expect(none.status).toBe(404);
  });
});

describe('prompt media', () => {
  it('serves every transcoded resource as WAV whose length is its durationSeconds', async () => {
    const { body } = await listPrompts('pageSize=25');
    const assets = body.entities.flatMap((p) => p.resources!).filter((a) => a.mediaUri);
    expect(assets).toHaveLength(6);
    for (const asset of assets) {
      const response = await fetch(asset.mediaUri!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/wav');
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      const wav = Buffer.from(await response.arrayBuffer());
      expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
      expect(wav.subarray(8, 12).toString('ascii')).toBe('WAVE');
      expect(wavDurationSeconds(wav)).toBe(asset.durationSeconds);
      expect(asset.durationSeconds).toBeGreaterThanOrEqual(1.5);
      expect(asset.durationSeconds).toBeLessThanOrEqual(6);
    }
  });

  it('answers byte ranges with 206 and Content-Range, 416 beyond the end', async () => {
    const uri = `${running.url}/__media/prompts/${PROMPT_IDS.holdPlease}/en-us.wav`;
    const size = 44 + 2 * 8_000 * 2;
    const head = await fetch(uri, { headers: { range: 'bytes=0-43' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-43/${size}`);
    expect((await head.arrayBuffer()).byteLength).toBe(44);
    const tail = await fetch(uri, { headers: { range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    const open = await fetch(uri, { headers: { range: 'bytes=1000-' } });
    expect((await open.arrayBuffer()).byteLength).toBe(size - 1000);
    const beyond = await fetch(uri, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('lets another origin fetch it (CORS), and 404s what does not exist', async () => {
    const uri = `${running.url}/__media/prompts/${PROMPT_IDS.holdPlease}/en-us.wav`;
    const response = await fetch(uri, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const holiday = await fetch(
      `${running.url}/__media/prompts/${PROMPT_IDS.holidayHours}/en-us.wav`,
    );
    expect(holiday.status).toBe(404);
  });

  it('generates audio of the seeded lengths', () => {
    const lengths = PROMPTS.flatMap((p) => p.resources.map((r) => r.durationMs));
    expect(lengths).toEqual([4_000, 4_500, 2_000, 6_000, 3_000, 1_500, undefined]);
  });
});

describe('GET /flows', () => {
  type Flow = { id: string; name: string; type: string } & Record<string, unknown>;
  const listFlows = async (query: string, token = alice) => {
    const response = await api(running.url, token, 'GET', `/flows?${query}`);
    return { status: response.status, body: response.body as Listing<Flow> };
  };

  it('finds Play Prompt by type securecall and name', async () => {
    const { status, body } = await listFlows('type=securecall&name=Play%20Prompt');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, pageNumber: 1, pageSize: 25, pageCount: 1 });
    expect(body.entities[0]).toMatchObject({
      id: PLAY_PROMPT_FLOW_ID,
      name: 'Play Prompt',
      type: 'SECURECALL',
      active: true,
      deleted: false,
      division: { name: 'Home' },
      selfUri: `/api/v2/flows/${PLAY_PROMPT_FLOW_ID}`,
    });
  });

  it('filters by type, name pattern and id', async () => {
    expect((await listFlows('type=inboundcall')).body.entities.map((f) => f.id)).toEqual([
      MAIN_MENU_FLOW_ID,
    ]);
    expect((await listFlows('')).body.total).toBe(2);
    expect((await listFlows('type=securecall&name=play*')).body.total).toBe(1);
    expect((await listFlows('type=securecall&name=Main%20Menu')).body.total).toBe(0);
    const byId = await listFlows(`id=${MAIN_MENU_FLOW_ID}&type=securecall`);
    expect(byId.body.entities.map((f) => f.name)).toEqual(['Main Menu']);
  });

  it('answers 403 to an agent without architect:flow:view (Bob)', async () => {
    const bob = await signIn(running.url, BOB);
    const { status, body } = await listFlows('type=securecall&name=Play%20Prompt', bob);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'missing.any.permissions' });
    expect(String(body.message)).toContain('architect:flow:view');
  });
});
