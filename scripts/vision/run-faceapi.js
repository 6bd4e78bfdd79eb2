// Runs face-api's own FaceRecognitionNet (its compiled network code from dist/face-api.node.js) on the pure-JS
// @tensorflow/tfjs CPU backend, no native addon: face-api's node build asks for @tensorflow/tfjs-node, which is
// resolved to @tensorflow/tfjs (same 4.22.0 API) here. FaceRecognitionNetConverter's parity test compares against it.
// Usage: node run-faceapi.js request.json result.json
//   request: { "manifest": "/abs/face_recognition_model-weights_manifest.json",
//              "inputs": [ { "shape": [1,150,150,3], "file": "/abs/x.bin" }, ... ] }  (little-endian float32, 0..255 RGB)
//   result:  [ { "shape": [1,128], "data": "<base64 little-endian float32>" }, ... ]
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTfjs(request, ...rest) {
  return resolve.call(this, request === '@tensorflow/tfjs-node' ? '@tensorflow/tfjs' : request, ...rest);
};
const faceapi = require('@vladmandic/face-api/dist/face-api.node.js');

const tf = faceapi.tf;

function loadWeightMap(manifestPath) {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const groups = Array.isArray(manifest) ? manifest : manifest.weightsManifest;
  const dir = path.dirname(manifestPath);
  const map = {};
  for (const group of groups) {
    const all = Buffer.concat(group.paths.map((p) => fs.readFileSync(path.join(dir, p))));
    const data = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
    Object.assign(map, tf.io.decodeWeights(data, group.weights));
  }
  return map;
}

async function main() {
  const [requestPath, resultPath] = process.argv.slice(2);
  if (!requestPath || !resultPath) throw new Error('usage: node run-faceapi.js request.json result.json');
  await tf.setBackend('cpu');
  await tf.ready();
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const net = new faceapi.FaceRecognitionNet();
  net.loadFromWeightMap(loadWeightMap(request.manifest));
  const result = [];
  for (const input of request.inputs) {
    const raw = fs.readFileSync(input.file);
    const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    const x = tf.tensor4d(values, input.shape, 'float32');
    const y = await net.forward(x);
    const data = Float32Array.from(y.dataSync());
    result.push({ shape: y.shape, data: Buffer.from(data.buffer).toString('base64') });
    x.dispose();
    y.dispose();
  }
  fs.writeFileSync(resultPath, JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
