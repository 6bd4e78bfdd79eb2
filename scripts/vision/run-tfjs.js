// Runs a TensorFlow.js graph model with the pure-JS CPU backend (no native addon) on given inputs and writes the
// requested outputs. FolderPrism's converter tests compare ONNX Runtime's results against these.
// Usage: node run-tfjs.js request.json result.json
//   request: { "model": "/abs/model.json", "inputs": { "name": { "shape": [..], "dtype": "float32", "file": "/abs/x.bin" } },
//              "outputs": ["tensor", ...] }   (input files hold little-endian float32/int32 values)
//   result:  { "name": { "shape": [..], "data": "<base64 little-endian float32>" } }
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

function memoryHandler(modelPath) {
  const json = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
  const dir = path.dirname(modelPath);
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest || []) {
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
    specs.push(...group.weights);
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return {
    load: async () => ({
      modelTopology: json.modelTopology,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
      weightSpecs: specs,
      weightData,
    }),
  };
}

async function main() {
  const [requestPath, resultPath] = process.argv.slice(2);
  if (!requestPath || !resultPath) throw new Error('usage: node run-tfjs.js request.json result.json');
  await tf.setBackend('cpu');
  await tf.ready();
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const model = await tf.loadGraphModel(memoryHandler(request.model));
  const feeds = {};
  for (const [name, spec] of Object.entries(request.inputs)) {
    const raw = fs.readFileSync(spec.file);
    const ab = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
    const values = spec.dtype === 'int32' ? new Int32Array(ab) : new Float32Array(ab);
    feeds[name] = tf.tensor(values, spec.shape, spec.dtype || 'float32');
  }
  const outputs = await model.executeAsync(feeds, request.outputs);
  const list = Array.isArray(outputs) ? outputs : [outputs];
  const result = {};
  request.outputs.forEach((name, i) => {
    const data = Float32Array.from(list[i].dataSync());
    result[name] = { shape: list[i].shape, data: Buffer.from(data.buffer).toString('base64') };
  });
  fs.writeFileSync(resultPath, JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
