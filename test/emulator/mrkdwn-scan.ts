/**
 * mrkdwn safety (slack-rules.md §5, rule 15 of §10). Every text the bot posts is scanned for
 * things that notify people or mislead them:
 *   - `<!channel>`, `<!here>`, `<!everyone>` (broadcast mentions);
 *   - `<!subteam^S…>` (user-group mentions);
 *   - `<@…>` / `<#…>` pointing at ids that do not exist in the workspace;
 *   - links whose label is itself a URL on another host (`<https://evil|https://intranet>`);
 *   - strings a test marked untrusted (user input) that appear raw, i.e. with `&`, `<`, `>`
 *     unescaped, in a mrkdwn context.
 * plain_text objects are not parsed by Slack, so they are not scanned.
 */
import type { Json, JsonObject } from './state.js';

export type TextFormat = 'mrkdwn' | 'plain_text' | 'markdown' | 'topic';

export interface TextSite {
  text: string;
  /** JSON pointer inside the posted payload, e.g. "/blocks/0/text/text". */
  pointer: string;
  format: TextFormat;
}

export type FindingKind =
  | 'broadcast_mention'
  | 'usergroup_mention'
  | 'unknown_user_mention'
  | 'unknown_channel_mention'
  | 'disguised_link'
  | 'unescaped_untrusted';

export interface Finding {
  kind: FindingKind;
  message: string;
  pointer: string;
  match: string;
  text: string;
}

export interface ScanContext {
  isKnownUser(id: string): boolean;
  isKnownChannel(id: string): boolean;
  untrusted: Iterable<string>;
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function textObjectSite(v: Json | undefined, pointer: string, out: TextSite[]): void {
  if (!isObj(v) || typeof v['text'] !== 'string') return;
  out.push({ text: v['text'], pointer: `${pointer}/text`, format: v['type'] === 'mrkdwn' ? 'mrkdwn' : 'plain_text' });
}

/** Rich text is structured: turn its mention/link elements into the mrkdwn they stand for. */
function richTextSites(elements: Json | undefined, pointer: string, out: TextSite[]): void {
  if (!Array.isArray(elements)) return;
  elements.forEach((e, i) => {
    if (!isObj(e)) return;
    const p = `${pointer}/${i}`;
    switch (e['type']) {
      case 'broadcast':
        out.push({ text: `<!${String(e['range'])}>`, pointer: p, format: 'mrkdwn' });
        break;
      case 'usergroup':
        out.push({ text: `<!subteam^${String(e['usergroup_id'])}>`, pointer: p, format: 'mrkdwn' });
        break;
      case 'user':
        out.push({ text: `<@${String(e['user_id'])}>`, pointer: p, format: 'mrkdwn' });
        break;
      case 'channel':
        out.push({ text: `<#${String(e['channel_id'])}>`, pointer: p, format: 'mrkdwn' });
        break;
      case 'link':
        if (typeof e['text'] === 'string') {
          out.push({ text: `<${String(e['url'])}|${e['text']}>`, pointer: p, format: 'mrkdwn' });
        }
        break;
      default:
        if (Array.isArray(e['elements'])) richTextSites(e['elements'], `${p}/elements`, out);
    }
  });
}

function optionSites(options: Json | undefined, pointer: string, out: TextSite[]): void {
  if (!Array.isArray(options)) return;
  options.forEach((o, i) => {
    if (!isObj(o)) return;
    textObjectSite(o['text'], `${pointer}/${i}/text`, out);
    textObjectSite(o['description'], `${pointer}/${i}/description`, out);
  });
}

function elementSites(el: Json | undefined, pointer: string, out: TextSite[]): void {
  if (!isObj(el)) return;
  textObjectSite(el['text'], `${pointer}/text`, out);
  optionSites(el['options'], `${pointer}/options`, out);
  if (Array.isArray(el['option_groups'])) {
    el['option_groups'].forEach((g, gi) => {
      if (isObj(g)) optionSites(g['options'], `${pointer}/option_groups/${gi}/options`, out);
    });
  }
  if (isObj(el['confirm'])) textObjectSite(el['confirm']['text'], `${pointer}/confirm/text`, out);
}

/** All texts of a blocks array with their format. */
export function blockTextSites(blocks: readonly JsonObject[] | undefined, pointer = '/blocks'): TextSite[] {
  const out: TextSite[] = [];
  (blocks ?? []).forEach((b, i) => {
    const p = `${pointer}/${i}`;
    textObjectSite(b['text'], `${p}/text`, out);
    if (b['type'] === 'markdown' && typeof b['text'] === 'string') {
      out.push({ text: b['text'], pointer: `${p}/text`, format: 'markdown' });
    }
    if (Array.isArray(b['fields'])) b['fields'].forEach((f, fi) => textObjectSite(f, `${p}/fields/${fi}`, out));
    if (b['type'] === 'context' && Array.isArray(b['elements'])) {
      b['elements'].forEach((e, ei) => textObjectSite(e, `${p}/elements/${ei}`, out));
    }
    if (b['type'] === 'actions' && Array.isArray(b['elements'])) {
      b['elements'].forEach((e, ei) => elementSites(e, `${p}/elements/${ei}`, out));
    }
    if (b['type'] === 'rich_text') richTextSites(b['elements'], `${p}/elements`, out);
    elementSites(b['accessory'], `${p}/accessory`, out);
    elementSites(b['element'], `${p}/element`, out);
    textObjectSite(b['label'], `${p}/label`, out);
    textObjectSite(b['hint'], `${p}/hint`, out);
  });
  return out;
}

/** Texts of a message payload: the top-level `text` is parsed like mrkdwn (§5). */
export function messageTextSites(msg: { text?: string | undefined; blocks?: readonly JsonObject[] | undefined }): TextSite[] {
  const out: TextSite[] = [];
  if (typeof msg.text === 'string' && msg.text.length > 0) out.push({ text: msg.text, pointer: '/text', format: 'mrkdwn' });
  out.push(...blockTextSites(msg.blocks));
  return out;
}

export const MIN_UNTRUSTED_LENGTH = 3;

const BROADCAST_RE = /<!(channel|here|everyone)(\|[^>]*)?>/g;
const SUBTEAM_RE = /<!subteam\^([A-Za-z0-9]+)(\|[^>]*)?>/g;
const USER_RE = /<@([A-Za-z0-9]+)(\|[^>]*)?>/g;
const CHANNEL_RE = /<#([A-Za-z0-9]+)(\|[^>]*)?>/g;
const LINK_RE = /<((?:https?|mailto):[^|>]+)\|([^>]+)>/g;
const URLISH_RE = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?([/?#]\S*)?$/i;

function hostOf(s: string): string | undefined {
  try {
    // "www.example.com" and "example.com" are the same site for a reader.
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function scanSites(sites: readonly TextSite[], ctx: ScanContext): Finding[] {
  const findings: Finding[] = [];
  // Very short fragments ("&", "<>") would match the bot's own text; they prove nothing.
  const untrusted = [...ctx.untrusted].filter((u) => /[&<>]/.test(u) && u.trim().length >= MIN_UNTRUSTED_LENGTH);
  for (const site of sites) {
    if (site.format === 'plain_text') continue;
    const add = (kind: FindingKind, match: string, message: string) =>
      findings.push({ kind, match, message, pointer: site.pointer, text: site.text });
    for (const m of site.text.matchAll(BROADCAST_RE)) {
      add('broadcast_mention', m[0], `posts a @${m[1]} mention, which notifies everyone`);
    }
    for (const m of site.text.matchAll(SUBTEAM_RE)) {
      add('usergroup_mention', m[0], `mentions user group ${m[1]}, which notifies all its members`);
    }
    for (const m of site.text.matchAll(USER_RE)) {
      if (!ctx.isKnownUser(m[1] ?? '')) add('unknown_user_mention', m[0], `mentions unknown user ${m[1]}`);
    }
    for (const m of site.text.matchAll(CHANNEL_RE)) {
      if (!ctx.isKnownChannel(m[1] ?? '')) add('unknown_channel_mention', m[0], `links unknown channel ${m[1]}`);
    }
    for (const m of site.text.matchAll(LINK_RE)) {
      const url = m[1] ?? '';
      const label = (m[2] ?? '').trim();
      if (URLISH_RE.test(label) && hostOf(label) !== hostOf(url)) {
        add('disguised_link', m[0], `link label "${label}" disguises a link to ${url}`);
      }
    }
    for (const u of untrusted) {
      if (site.text.includes(u)) {
        add('unescaped_untrusted', u, 'untrusted text placed in mrkdwn without escaping &, <, >');
      }
    }
  }
  return findings;
}

/** The escaping Slack asks for (§5): exactly &, <, >. Exported for tests. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
