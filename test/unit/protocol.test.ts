import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assess } from '../../src/core/assessment';
import {
  contentSecurityPolicy, isHostMessage, isProtocolError, panelHtml, parseWebviewMessage, type ViewState, WEBVIEW_COMMANDS,
} from '../../src/core/protocol';
import { INTERVIEW_TIPS } from '../../src/core/tips';

const repo = path.resolve(__dirname, '..', '..', '..');

describe('host <-> webview protocol', () => {
  describe('parseWebviewMessage accepts', () => {
    const good: [unknown, unknown][] = [
      [{ command: 'ready' }, { command: 'ready' }],
      [{ command: 'ready', args: {}, req: 0 }, { command: 'ready', req: 0 }],
      [{ command: 'setRating', args: { topic: 'regex', rating: 1 }, req: 7 }, { command: 'setRating', args: { topic: 'regex', rating: 1 }, req: 7 }],
      [{ command: 'setRating', args: { topic: 'integration', rating: 5 } }, { command: 'setRating', args: { topic: 'integration', rating: 5 } }],
      [{ command: 'clearRating', args: { topic: 'file-io' } }, { command: 'clearRating', args: { topic: 'file-io' } }],
      [{ command: 'practise', args: { topic: 'http-api' }, req: 3 }, { command: 'practise', args: { topic: 'http-api' }, req: 3 }],
      [{ command: 'resetRatings', req: 1 }, { command: 'resetRatings', req: 1 }],
      [{ command: 'openDrill', args: { id: 'retry-flaky-call' } }, { command: 'openDrill', args: { id: 'retry-flaky-call' } }],
    ];
    for (const [raw, parsed] of good) {
      it(JSON.stringify(raw), () => assert.deepEqual(parseWebviewMessage(raw), parsed));
    }

    it('every command it names', () => {
      assert.deepEqual([...WEBVIEW_COMMANDS].sort(), ['clearRating', 'openDrill', 'practise', 'ready', 'resetRatings', 'setRating']);
    });
  });

  describe('parseWebviewMessage refuses', () => {
    const bad: [string, unknown, RegExp][] = [
      ['a string', 'ready', /must be an object/],
      ['null', null, /must be an object/],
      ['an array', [{ command: 'ready' }], /must be an object/],
      ['an object with a prototype', new (class { command = 'ready'; })(), /must be an object/],
      ['no command', { args: {} }, /"command" must be a string/],
      ['a command that is not a string', { command: 1 }, /"command" must be a string/],
      ['an unknown command', { command: 'deleteEverything' }, /unknown command "deleteEverything"/],
      ['a prototype key as command', { command: 'constructor' }, /unknown command/],
      ['an unexpected key', { command: 'ready', extra: 1 }, /unexpected key "extra"/],
      ['a negative req', { command: 'ready', req: -1 }, /"req"/],
      ['a fractional req', { command: 'ready', req: 1.5 }, /"req"/],
      ['a string req', { command: 'ready', req: '1' }, /"req"/],
      ['arguments to ready', { command: 'ready', args: { x: 1 } }, /takes no arguments/],
      ['arguments to resetRatings', { command: 'resetRatings', args: 'all' }, /takes no arguments/],
      ['setRating without args', { command: 'setRating' }, /needs arguments \{topic, rating\}/],
      ['setRating with args not an object', { command: 'setRating', args: ['regex', 3] }, /needs arguments/],
      ['a rating of 0', { command: 'setRating', args: { topic: 'regex', rating: 0 } }, /from 1 to 5, not 0/],
      ['a rating of 6', { command: 'setRating', args: { topic: 'regex', rating: 6 } }, /from 1 to 5, not 6/],
      ['a fractional rating', { command: 'setRating', args: { topic: 'regex', rating: 2.5 } }, /from 1 to 5/],
      ['a rating as text', { command: 'setRating', args: { topic: 'regex', rating: '3' } }, /from 1 to 5, not "3"/],
      ['a missing rating', { command: 'setRating', args: { topic: 'regex' } }, /from 1 to 5, not undefined/],
      ['an unknown topic', { command: 'setRating', args: { topic: 'cobol', rating: 3 } }, /unknown topic "cobol"/],
      ['a missing topic', { command: 'clearRating', args: {} }, /unknown topic undefined/],
      ['a topic that is not a string', { command: 'practise', args: { topic: 4 } }, /unknown topic 4/],
      ['an extra argument', { command: 'clearRating', args: { topic: 'regex', rating: 3 } }, /no argument "rating"/],
      ['an empty drill id', { command: 'openDrill', args: { id: '' } }, /drill id/],
      ['a drill id that is not a string', { command: 'openDrill', args: { id: 12 } }, /drill id/],
    ];
    for (const [what, raw, why] of bad) {
      it(what, () => {
        const r = parseWebviewMessage(raw);
        assert.ok(isProtocolError(r), JSON.stringify(r));
        assert.match(r.error, why);
      });
    }

    it('keeps the request id of a refused request, so the host can answer it', () => {
      assert.deepEqual(parseWebviewMessage({ command: 'setRating', args: { topic: 'regex', rating: 9 }, req: 4 }), {
        error: 'a rating is a whole number from 1 to 5, not 9',
        req: 4,
      });
      assert.equal((parseWebviewMessage({ command: 'nope' }) as { req?: number }).req, undefined);
    });
  });

  describe('host messages', () => {
    it('recognises state and responses, and nothing else', () => {
      const state: ViewState = { ...assess([], {}, {}), tips: INTERVIEW_TIPS };
      assert.ok(isHostMessage({ command: 'state', args: JSON.parse(JSON.stringify(state)) }));
      assert.ok(isHostMessage({ seq: 1, res: true }));
      assert.ok(isHostMessage({ seq: 2, res: undefined }));
      assert.ok(isHostMessage({ seq: 3, err: 'no' }));
      for (const m of [null, {}, { command: 'state' }, { command: 'state', args: { topics: [] } }, { seq: -1, res: 1 }, { seq: 1 }, { seq: 1, err: 5 }]) {
        assert.equal(isHostMessage(m), false, JSON.stringify(m));
      }
    });

    it('carries a view model that survives the trip through postMessage (plain JSON)', () => {
      const state: ViewState = { ...assess([], {}, { regex: 2 }), tips: INTERVIEW_TIPS };
      assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    });
  });

  describe('the panel page', () => {
    const page = { cspSource: 'https://abc.vscode-cdn.net', scriptUri: 'https://abc.vscode-cdn.net/dist/webview.js', styleUri: 'https://abc.vscode-cdn.net/media/panel.css', nonce: 'r4nd0m+/Nonce==' };

    it('allows only the nonce\'d script and the extension\'s own styles and images', () => {
      assert.equal(contentSecurityPolicy(page.cspSource, page.nonce), "default-src 'none'; style-src https://abc.vscode-cdn.net; script-src 'nonce-r4nd0m+/Nonce=='; img-src https://abc.vscode-cdn.net");
      const html = panelHtml(page);
      assert.ok(html.includes(`content="default-src 'none'; style-src https://abc.vscode-cdn.net; script-src 'nonce-r4nd0m+/Nonce=='; img-src https://abc.vscode-cdn.net"`));
      assert.ok(html.includes('<script nonce="r4nd0m+/Nonce==" src="https://abc.vscode-cdn.net/dist/webview.js"></script>'));
      assert.ok(html.includes('<link rel="stylesheet" href="https://abc.vscode-cdn.net/media/panel.css">'));
    });

    it('has no inline script, inline style or handler attribute', () => {
      const html = panelHtml(page);
      assert.equal((html.match(/<script/g) ?? []).length, 1);
      assert.doesNotMatch(html, /<script[^>]*>[^<]/);
      assert.doesNotMatch(html, /<style|style=|\son[a-z]+=/i);
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    });

    it('escapes the URIs it is given, and refuses a nonce that could break out', () => {
      const html = panelHtml({ ...page, styleUri: 'https://x/"><script>alert(1)</script>' });
      assert.ok(html.includes('href="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
      assert.throws(() => panelHtml({ ...page, nonce: `abc' 'unsafe-inline` }), /nonce/);
      assert.throws(() => panelHtml({ ...page, nonce: '' }), /nonce/);
    });

    it('styles with theme colours only (no literal colours in panel.css)', () => {
      const css = fs.readFileSync(path.join(repo, 'media', 'panel.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(white|black|red|green|blue|gray|grey)(?![\w-])/i);
      for (const v of ['--vscode-focusBorder', '--vscode-contrastBorder', '--vscode-foreground']) assert.ok(css.includes(v), v);
    });

    it('builds the page with DOM calls only (no innerHTML, no inline styles) in the webview script', () => {
      const script = fs.readFileSync(path.join(repo, 'src', 'webview', 'panel.ts'), 'utf8');
      assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\.|setAttribute\('style'|eval\(/);
    });
  });

  describe('interview tips', () => {
    it('are short: a title and one or two sentences each, with unique ids', () => {
      assert.ok(INTERVIEW_TIPS.length >= 7);
      assert.equal(new Set(INTERVIEW_TIPS.map((t) => t.id)).size, INTERVIEW_TIPS.length);
      for (const t of INTERVIEW_TIPS) {
        assert.ok(t.title.length > 0 && t.title.length <= 40, t.title);
        const sentences = t.text.split(/(?<=[.!?])\s+/).filter(Boolean);
        assert.ok(sentences.length >= 1 && sentences.length <= 2, t.text);
      }
    });

    it('are in our own words: no sentence of the guide\'s tips is repeated', () => {
      const guidePhrases = [
        'explain as you code, not after',
        'get a basic solution working first, then optimize',
        "don't ignore edge cases",
        'assume nothing about requirements',
        'show you know the language',
        'interviewers value judgment',
        'mentally run through with sample input',
      ];
      const all = INTERVIEW_TIPS.map((t) => `${t.title} ${t.text}`.toLowerCase()).join('\n');
      for (const p of guidePhrases) assert.ok(!all.includes(p), p);
    });
  });
});
