// Sentence segmentation peers from npm: sentencex and sbd.
//   node node_seg.js PEER golden FILE.tsv   one JSON line per case
//   node node_seg.js PEER speed FILE.txt    {"bytes","sentences","seconds"}
// PEER is sentencex or sbd; modules are looked up in $EVKB_PEERS_DIR/node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const [peer, mode, file] = process.argv.slice(2);
const mods = path.join(process.env.EVKB_PEERS_DIR || '.', 'node_modules');
let split;
if (peer === 'sentencex') {
  const sx = require(path.join(mods, 'sentencex'));
  const segment = sx.segment || (sx.default && sx.default.segment) || sx.default || sx;
  split = (t) => Array.from(segment('en', t));
} else if (peer === 'sbd') {
  const sbd = require(path.join(mods, 'sbd'));
  const opts = {newline_boundaries: true, preserve_whitespace: false};
  split = (t) => sbd.sentences(t, opts);
} else {
  throw new Error('unknown peer ' + peer);
}
function unescape(s) {
  return s.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}
if (mode === 'golden') {
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line[0] === '#') continue;
    const f = line.split('\t');
    if (f.length < 3) continue;
    const sents = split(unescape(f[0])).map((s) => s.trim()).filter((s) => s.length);
    out.push(JSON.stringify({id: f[2], sentences: sents}));
  }
  process.stdout.write(out.join('\n') + '\n');
} else {
  const data = fs.readFileSync(file, 'utf8');
  const paras = data.split('\n\n');
  let n = 0;
  const t0 = process.hrtime.bigint();
  for (const p of paras) n += split(p).length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({bytes: Buffer.byteLength(data), sentences: n, seconds: secs}));
}
