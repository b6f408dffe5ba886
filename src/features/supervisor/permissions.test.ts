import { describe, expect, it } from 'vitest';
import { grants, offersSupervisorView } from './offer';
import { allowedModes, missingViewPermissions, VIEW_PERMISSIONS } from './permissions';

const SAM = [
  'routing:queue:view',
  'conversation:call:monitor',
  'conversation:call:coach',
  'conversation:call:barge',
  'analytics:queueObservation:view',
  'conversation:communication:view',
];
const AGENT = ['conversation:participant:wrapup', 'architect:userPrompt:view'];

describe('permissions', () => {
  it('matches segments, case-insensitively, with * for any segment', () => {
    expect(grants('conversation:call:monitor', 'conversation:call:monitor')).toBe(true);
    expect(grants('conversation:call:*', 'conversation:call:barge')).toBe(true);
    expect(grants('*:*:*', 'analytics:queueObservation:view')).toBe(true);
    expect(grants('ANALYTICS:QUEUEOBSERVATION:VIEW', 'analytics:queueObservation:view')).toBe(true);
    expect(grants('conversation:call', 'conversation:call:monitor')).toBe(false);
    expect(grants('conversation:call:coach', 'conversation:call:monitor')).toBe(false);
  });

  it('a supervisor has the view and every action; an agent neither', () => {
    expect(missingViewPermissions(SAM)).toEqual([]);
    expect(offersSupervisorView(SAM)).toBe(true);
    expect(allowedModes(SAM)).toEqual(['monitor', 'coach', 'barge']);
    expect(missingViewPermissions(AGENT)).toEqual([...VIEW_PERMISSIONS]);
    expect(offersSupervisorView(AGENT)).toBe(false);
    expect(allowedModes(AGENT)).toEqual([]);
  });

  it('offers each action only with its own permission', () => {
    expect(allowedModes(['conversation:call:coach'])).toEqual(['coach']);
    expect(missingViewPermissions(['analytics:*:*', 'routing:queue:view'])).toEqual([
      'conversation:communication:view',
    ]);
  });
});
