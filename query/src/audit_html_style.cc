// The audit report's stylesheet. Kinds share one palette: --c (ink), --bg
// (tint) and --line (underline and accents), set per .k-<kind> class.
#include "audit_html_style.h"

namespace query {

const char kAuditHtmlStyle[] = R"css(
:root {
  --ink: #1d2430; --muted: #5d6675; --rule: #e3e6eb; --paper: #fbfaf7; --card: #ffffff;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "DejaVu Serif", serif;
  --sans: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
}
.k-myth        { --c: #a8231a; --bg: #fde8e5; --line: #d9412f; }
.k-contested   { --c: #8a5300; --bg: #fff0d3; --line: #e39a17; }
.k-unsupported { --c: #4d5664; --bg: #eceef2; --line: #98a1ae; }
.k-consistent  { --c: #1b6b3f; --bg: #e2f4e8; --line: #34a061; }
.k-unknown     { --c: #1c56a6; --bg: #e3edfb; --line: #4b86d8; }

* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; color: var(--ink); font: 16px/1.5 var(--sans); -webkit-font-smoothing: antialiased; }

/* Sticky summary bar */
.bar { position: sticky; top: 0; z-index: 20; background: rgba(255,255,255,.96);
  border-bottom: 1px solid var(--rule); box-shadow: 0 1px 6px rgba(20,30,50,.05); }
.bar-inner { max-width: 76rem; margin: 0 auto; padding: .7rem 2rem; display: flex;
  align-items: center; gap: 1.5rem; flex-wrap: wrap; }
.brand { font-weight: 700; letter-spacing: .04em; font-size: .8rem; text-transform: uppercase;
  color: #fff; background: var(--ink); padding: .25rem .55rem; border-radius: 4px; }
.doc { flex: 1 1 16rem; min-width: 0; line-height: 1.25; }
.doc-title { display: block; font-weight: 650; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.doc-path { display: block; color: var(--muted); font-size: .8rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.legend { display: flex; gap: .4rem; margin: 0; padding: 0; list-style: none; flex-wrap: wrap; }
.legend li { display: flex; align-items: center; gap: .4rem; padding: .25rem .65rem; border-radius: 999px;
  background: var(--bg); color: var(--c); font-size: .85rem; font-weight: 600; border: 1px solid transparent; }
.legend li.zero { background: transparent; color: #9aa1ab; border-color: var(--rule); font-weight: 500; }
.legend .swatch { width: .6rem; height: .6rem; border-radius: 50%; background: var(--line); }
.legend li.zero .swatch { background: #c9ced6; }
.legend .count { font-variant-numeric: tabular-nums; }

/* Page */
.layout { max-width: 76rem; margin: 0 auto; padding: 2rem 2rem 4rem; display: grid;
  grid-template-columns: minmax(0, 1fr) 25rem; gap: 3rem; align-items: start; }
.overview { grid-column: 1 / -1; border-bottom: 1px solid var(--rule); padding-bottom: 1.1rem; }
.headline { font: 600 1.55rem/1.25 var(--sans); margin: 0; letter-spacing: -.01em; }
.headline.bad { color: #8f1d14; }
.headline.good { color: #1b6b3f; }
.overview .meta { color: var(--muted); font-size: .9rem; margin: .35rem 0 0; }
.overview .first { margin: .6rem 0 0; font-size: .92rem; }
.overview .first a { display: inline-block; margin: 0 .15rem; padding: .05rem .45rem; border-radius: 999px;
  font-weight: 700; font-size: .8rem; text-decoration: none; color: var(--c); background: var(--bg); }

/* The article */
.article { font: 1.13rem/1.72 var(--serif); max-width: 40rem; overflow-wrap: break-word; }
.article h1 { font: 700 2rem/1.2 var(--serif); margin: 0 0 1.2rem; letter-spacing: -.01em; }
.article h2 { font: 700 1.3rem/1.3 var(--serif); margin: 2rem 0 .6rem; }
.article p, .article ul, .article blockquote { margin: 0 0 1.1rem; }
.article blockquote { border-left: 3px solid var(--rule); padding-left: 1rem; color: #3b4350; font-style: italic; }
.article .kicker { font: 600 .75rem/1 var(--sans); letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); margin: 0 0 .6rem; }

mark.s { position: relative; color: inherit; background: var(--bg); border-bottom: 2px solid var(--line);
  padding: .05em .1em; border-radius: 3px 3px 0 0; cursor: pointer; outline: none;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.s:hover, mark.s:focus { background: color-mix(in srgb, var(--bg) 60%, var(--line) 40%); }
mark.s:focus-visible { box-shadow: 0 0 0 2px var(--line); }
a.ref { display: inline-block; min-width: 1.25rem; margin-left: .15rem; padding: 0 .3rem; border-radius: 999px;
  font: 700 .68rem/1.25rem var(--sans); text-align: center; vertical-align: .35em; text-decoration: none;
  color: #fff; background: var(--line); }

/* Popover: hover or click (focus) a highlighted sentence */
.tip { display: none; position: absolute; left: 0; top: calc(100% + .5rem); z-index: 30; width: min(27rem, 86vw);
  padding: .85rem 1rem; background: var(--card); color: var(--ink); border: 1px solid var(--rule);
  border-top: 4px solid var(--line); border-radius: 6px; box-shadow: 0 12px 32px rgba(20,30,50,.18);
  font: .85rem/1.45 var(--sans); white-space: normal; text-align: left; cursor: auto; }
mark.s:hover > .tip, mark.s:focus > .tip, mark.s:focus-within > .tip { display: block; }
.tip .tip-head { display: block; font-weight: 700; color: var(--c); margin-bottom: .35rem; }
.tip .row, .tip .ev { display: block; margin: .3rem 0; overflow-wrap: anywhere; }
.tip .ev { border-top: 1px dashed var(--rule); padding-top: .35rem; }

/* Findings panel */
.findings { min-width: 0; }
.findings h2 { font: 700 .78rem/1 var(--sans); letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); margin: .2rem 0 .8rem; }
details.card { background: var(--card); border: 1px solid var(--rule); border-left: 4px solid var(--line);
  border-radius: 6px; margin: 0 0 .75rem; box-shadow: 0 1px 2px rgba(20,30,50,.04); }
details.card:target { box-shadow: 0 0 0 3px color-mix(in srgb, var(--line) 45%, transparent); }
details.card > summary { list-style: none; cursor: pointer; padding: .7rem .9rem .65rem; }
details.card > summary::-webkit-details-marker { display: none; }
.card-top { display: flex; align-items: center; gap: .5rem; margin-bottom: .3rem; }
.badge { display: inline-block; font: 700 .68rem/1 var(--sans); letter-spacing: .06em; text-transform: uppercase;
  color: var(--c); background: var(--bg); padding: .3rem .45rem; border-radius: 4px; }
.num { font: 700 .72rem/1 var(--sans); color: var(--muted); }
.toggle { margin-left: auto; color: var(--muted); font-size: .75rem; }
details.card[open] .toggle::after { content: "hide"; }
details.card:not([open]) .toggle::after { content: "show evidence"; }
.quote { display: block; font: .95rem/1.45 var(--serif); color: var(--ink); overflow-wrap: anywhere; }
.card-body { padding: 0 .9rem .8rem; font-size: .85rem; overflow-wrap: anywhere; }
.row { margin: .35rem 0; }
.lbl { display: inline-block; min-width: 5.6rem; font: 600 .7rem/1.4 var(--sans); letter-spacing: .05em;
  text-transform: uppercase; color: var(--muted); }
.correction { background: #fff7f5; border: 1px solid #f6d2cb; border-radius: 4px; padding: .45rem .6rem; }
.correction .lbl { display: block; color: #a8231a; }
.note { color: #8a5300; font-weight: 600; }
code.term { font: .8rem/1 "DejaVu Sans Mono", monospace; background: #eef2f8; color: #1c56a6;
  padding: .1rem .3rem; border-radius: 3px; }
ul.evidence { list-style: none; margin: .5rem 0 0; padding: 0; }
ul.evidence li { border-top: 1px dashed var(--rule); padding: .45rem 0 .1rem; }
.side { display: inline-block; font: 700 .64rem/1 var(--sans); letter-spacing: .06em; text-transform: uppercase;
  padding: .2rem .35rem; border-radius: 3px; margin-right: .35rem; vertical-align: .1em; }
.side.for { color: #1b6b3f; background: #e2f4e8; }
.side.against { color: #a8231a; background: #fde8e5; }
ul.evidence q { font-family: var(--serif); }
.cite { display: block; color: var(--muted); font-size: .78rem; margin-top: .15rem; }
.cite b { color: var(--ink); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }

footer { max-width: 76rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; color: var(--muted); font-size: .8rem;
  border-top: 1px solid var(--rule); }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .6rem 0 0; }
footer dt { font-weight: 700; color: var(--c); }
footer dd { margin: 0; }

@media (max-width: 64rem) {
  .layout { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 40rem) {
  .bar-inner { padding: .5rem 1rem; gap: .5rem 1rem; }
  .doc-path { display: none; }
  .legend li { padding: .15rem .5rem; font-size: .78rem; }
  .layout { padding: 1.25rem 1rem 3rem; gap: 2rem; }
  .article { font-size: 1.05rem; }
}
@media print {
  .bar { position: static; box-shadow: none; }
  .tip { display: none !important; }
  .layout { display: block; }
  .findings { margin-top: 2rem; }
  details.card { break-inside: avoid; }
}
)css";

}  // namespace query
