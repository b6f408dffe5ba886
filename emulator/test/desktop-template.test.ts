import { describe, expect, it } from 'vitest';
import {
  defaultWidgetTemplate,
  interpolateWidgetUrl,
  launchValues,
} from '../src/control/desktop-template.js';

const HOST = 'http://127.0.0.1:8787';

describe('defaultWidgetTemplate', () => {
  it('puts the five launch parameters after the widget address', () => {
    expect(defaultWidgetTemplate('https://lcp.example.com/')).toBe(
      'https://lcp.example.com/?gcConversationId={{gcConversationId}}&gcHostOrigin={{gcHostOrigin}}' +
        '&gcTargetEnv={{gcTargetEnv}}&gcLangTag={{gcLangTag}}&gcUsePopupAuth={{gcUsePopupAuth}}',
    );
  });

  it('keeps a query the widget address has, and its fragment last', () => {
    expect(defaultWidgetTemplate('https://w.example/app?mode=agent#panel')).toMatch(
      /^https:\/\/w\.example\/app\?mode=agent&gcConversationId=\{\{gcConversationId\}\}.*\{\{gcUsePopupAuth\}\}#panel$/,
    );
    expect(defaultWidgetTemplate('https://w.example/?')).toMatch(
      /^https:\/\/w\.example\/\?gcConversationId=/,
    );
  });
});

describe('interpolateWidgetUrl', () => {
  it('fills every variable with the URL-encoded value', () => {
    const url = interpolateWidgetUrl(
      defaultWidgetTemplate('http://127.0.0.1:5173/'),
      launchValues({ conversationId: 'c-1', hostOrigin: HOST, langTag: 'de-DE' }),
    );
    expect(url).toBe(
      'http://127.0.0.1:5173/?gcConversationId=c-1&gcHostOrigin=http%3A%2F%2F127.0.0.1%3A8787' +
        '&gcTargetEnv=prod&gcLangTag=de-DE&gcUsePopupAuth=true',
    );
    expect(new URL(url).searchParams.get('gcHostOrigin')).toBe(HOST);
  });

  it('fills the legacy pc* names too', () => {
    const url = interpolateWidgetUrl(
      'https://w.example/?pcConversationId={{pcConversationId}}&pcEnvironment={{pcEnvironment}}&pcLangTag={{pcLangTag}}',
      launchValues({ conversationId: 'c-2', hostOrigin: HOST, targetEnv: 'prod-euw1' }),
    );
    expect(url).toBe(
      'https://w.example/?pcConversationId=c-2&pcEnvironment=mypurecloud.ie&pcLangTag=en-US',
    );
  });

  it('leaves a placeholder literal when its value is missing or the name is unknown', () => {
    const url = interpolateWidgetUrl(
      'https://w.example/?c={{gcConversationId}}&l={{gcLangTag}}&d={{gcUseDarkTheme}}&p={{pcEnvironment}}',
      { gcConversationId: 'c-3' },
    );
    expect(url).toBe(
      'https://w.example/?c=c-3&l={{gcLangTag}}&d={{gcUseDarkTheme}}&p={{pcEnvironment}}',
    );
    expect(
      interpolateWidgetUrl(
        'https://w.example/?e={{pcEnvironment}}',
        launchValues({ conversationId: 'c', hostOrigin: HOST, targetEnv: 'nowhere' }),
      ),
    ).toBe('https://w.example/?e={{pcEnvironment}}');
  });

  it('encodes hostile values so that they cannot add parameters or leave the query', () => {
    const url = interpolateWidgetUrl('https://w.example/?c={{gcConversationId}}&x=1', {
      gcConversationId: 'a&gcHostOrigin=https://evil.example#<script>',
    });
    const parsed = new URL(url);
    expect(parsed.searchParams.get('c')).toBe('a&gcHostOrigin=https://evil.example#<script>');
    expect(parsed.searchParams.get('gcHostOrigin')).toBeNull();
    expect(parsed.searchParams.get('x')).toBe('1');
    expect(parsed.hash).toBe('');
  });

  it('replaces only exact {{name}} placeholders, each occurrence', () => {
    expect(
      interpolateWidgetUrl('https://w.example/{{gcLangTag}}/?a={{gcLangTag}}&b={{ gcLangTag }}', {
        gcLangTag: 'fr-FR',
      }),
    ).toBe('https://w.example/fr-FR/?a=fr-FR&b={{ gcLangTag }}');
  });
});

describe('launchValues', () => {
  it('defaults to prod, en-US and popup sign-in', () => {
    expect(launchValues({ conversationId: 'c', hostOrigin: HOST })).toEqual({
      gcConversationId: 'c',
      gcHostOrigin: HOST,
      gcTargetEnv: 'prod',
      gcLangTag: 'en-US',
      gcUsePopupAuth: 'true',
      pcConversationId: 'c',
      pcEnvironment: 'mypurecloud.com',
      pcLangTag: 'en-US',
    });
    expect(
      launchValues({ conversationId: 'c', hostOrigin: HOST, usePopupAuth: false }).gcUsePopupAuth,
    ).toBe('false');
  });
});
