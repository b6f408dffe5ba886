import { describe, expect, it } from 'vitest';
import { pickFlow } from './api/use-play-prompt-flow';
import { buildUserData } from './play-request';

describe('buildUserData', () => {
  it('writes the Play Prompt protocol the flow reads from Flow.InvocationData', () => {
    const json = buildUserData('r-1', {
      promptId: 'p1',
      loop: true,
      maxDurationSeconds: 90,
      dtmf: { '#': '', '1': 'p2' },
    });
    expect(JSON.parse(json)).toEqual({
      v: 1,
      requestId: 'r-1',
      promptId: 'p1',
      loop: true,
      maxDurationSeconds: 90,
      dtmf: { '1': 'p2', '#': '' },
    });
  });
});

describe('pickFlow', () => {
  const flow = (over: Partial<Parameters<typeof pickFlow>[0][number]>) => ({
    id: 'f',
    name: 'Play Prompt',
    type: 'SECURECALL',
    deleted: false,
    ...over,
  });

  it('takes the live secure call flow with exactly that name, in any case', () => {
    expect(
      pickFlow([
        flow({ id: 'old', deleted: true }),
        flow({ id: 'other', name: 'Play Prompt v2' }),
        flow({ id: 'inbound', type: 'INBOUNDCALL' }),
        flow({ id: 'yes', name: 'play prompt ' }),
      ])?.id,
    ).toBe('yes');
    expect(pickFlow([flow({ name: 'Play Prompts' })])).toBeUndefined();
  });
});
