import { describe, expect, it } from 'vitest';
import {
  embeddingChecks,
  meterCheck,
  type EmbeddingInput,
  type FrameView,
} from './embedding-checks';

const DESKTOP = 'https://apps.mypurecloud.ie';

const frame = (
  over: Partial<FrameView> = {},
  allowed = ['microphone', 'clipboard-write'],
): FrameView => ({
  framed: true,
  ancestorOrigins: [DESKTOP],
  referrer: `${DESKTOP}/`,
  ownOrigin: 'https://lcp.example.com',
  storageWorks: true,
  policyAllows: (feature) => allowed.includes(feature),
  ...over,
});

const healthy: EmbeddingInput = {
  frame: frame(),
  launch: { hostOrigin: DESKTOP, targetEnv: 'prod-euw1', problems: [] },
  bootstrapSeen: true,
  popup: 'opened',
  mic: 'granted',
};

const statuses = (input: EmbeddingInput) =>
  Object.fromEntries(embeddingChecks(input).map((c) => [c.id, c.status]));

describe('embedding checks', () => {
  it('find a well-configured interaction widget working', () => {
    expect(statuses(healthy)).toEqual({
      'embedding.framed': 'works',
      'embedding.launch': 'works',
      'embedding.hostOrigin': 'works',
      'embedding.sandbox': 'works',
      'embedding.popups': 'works',
      'agentPanel.meter': 'works',
      'embedding.clipboard': 'works',
      'embedding.handshake': 'works',
    });
  });

  it('outside a frame check nothing but say how to check', () => {
    const checks = embeddingChecks({ ...healthy, frame: frame({ framed: false }) });
    expect(checks).toEqual([
      expect.objectContaining({
        id: 'embedding.framed',
        status: 'notChecked',
        fix: { id: 'setup.framed.notFix' },
      }),
    ]);
  });

  it('without allow="microphone" the meter will not work, for the agent panel and embedding', () => {
    const input = { ...healthy, frame: frame({}, ['clipboard-write']) };
    const meter = embeddingChecks(input).find((c) => c.id === 'agentPanel.meter');
    expect(meter).toMatchObject({
      status: 'willNotWork',
      optional: true,
      features: ['agentPanel', 'embedding'],
      detail: { id: 'setup.meter.blocked' },
      fix: { id: 'setup.meter.blockedFix' },
    });
  });

  it('a browser that refused the microphone, or cannot tell, is said so', () => {
    expect(meterCheck({ frame: frame({ framed: false }), mic: 'denied' })).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.meter.denied' },
    });
    const unknown = frame({ framed: false, policyAllows: () => undefined });
    expect(meterCheck({ frame: unknown, mic: undefined }).status).toBe('notChecked');
    expect(meterCheck({ frame: frame(), mic: 'prompt' })).toMatchObject({
      status: 'works',
      detail: { id: 'setup.meter.prompt' },
    });
  });

  it('name a host origin that is not the parent, an opaque sandbox, blocked popups and no handshake', () => {
    const result = statuses({
      ...healthy,
      frame: frame({
        ownOrigin: 'null',
        storageWorks: false,
        ancestorOrigins: ['https://evil.example'],
      }),
      popup: 'blocked',
      bootstrapSeen: false,
    });
    expect(result).toMatchObject({
      'embedding.hostOrigin': 'willNotWork',
      'embedding.sandbox': 'willNotWork',
      'embedding.popups': 'willNotWork',
      'embedding.handshake': 'willNotWork',
    });
  });

  it('list each refused launch parameter and the missing ones', () => {
    const problem = {
      id: 'launch.placeholder' as const,
      values: { name: 'gcHostOrigin', kind: 'hostOrigin' },
    };
    const checks = embeddingChecks({
      ...healthy,
      launch: { hostOrigin: undefined, targetEnv: 'prod-euw1', problems: [problem] },
    });
    expect(checks.find((c) => c.id === 'embedding.launch')).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.launch.missing', values: { names: 'gcHostOrigin' } },
      notes: [problem],
    });
    expect(checks.find((c) => c.id === 'embedding.handshake')?.status).toBe('notChecked');
    expect(checks.map((c) => c.id)).not.toContain('embedding.hostOrigin');
  });
});
