/**
 * Addresses as real call legs carry them (contract §2.3a, from captured REST payloads): customer
 * legs `tel:` URIs, agent legs a SIP URI of the caller and the station's trunk URI, `acd` and
 * `ivr` legs loopback SIP URIs naming the queue or the flow session.
 */
import type { SeedUser } from '../seed.js';

/** The edge's media address that appears in agent legs' `ani`. */
export const EDGE_ADDRESS = '10.47.1.31';
/** The org's SIP span name (trunk and station URIs). */
export const ORG_SPAN = 'lcpdemo';
/** The org's trunk group id in station URIs. */
export const TRUNK_GROUP_ID = '4b1d0e5a-7c2f-4e91-9a43-6d0f3b8c2e17';
export const LANGUAGE = 'en-US';
/** Place text real `ivr` legs carry as their `name` (not the flow's name). */
export const IVR_PLACE = 'Indianapolis IN';

/** `tel:+15550100200` or `sip:+15550100200@…` → `+15550100200` (the digits with their `+`). */
export function phoneNumberOf(uri: string): string {
  const match = /^(?:tel:|sip:)?(\+?[0-9*#]+)/.exec(uri);
  return match?.[1] ?? uri;
}

/** The caller as an agent leg sees it: `sip:+15550100200@10.47.1.31;user=phone`. */
export function callerSipUri(customerAni: string): string {
  return `sip:${phoneNumberOf(customerAni)}@${EDGE_ADDRESS};user=phone`;
}

/** A user's station as a trunk SIP URI, stable per user. */
export function stationUri(user: Pick<SeedUser, 'id'>): string {
  const hex = user.id.replace(/-/g, '').slice(-24);
  return `sip:${hex}+${ORG_SPAN}.orgspan.com;tgrp=${TRUNK_GROUP_ID};trunk-context=${ORG_SPAN}@localhost`;
}

export function acdUri(queueId: string): string {
  return `sip:${queueId}@127.0.0.1;language=${LANGUAGE};user=acd`;
}

export function ivrUri(sessionId: string): string {
  return `sip:${sessionId}@127.0.0.1;language=${LANGUAGE};user=ivr`;
}
