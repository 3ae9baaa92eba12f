// Drives the service with casparcg-connection: each step's reply (code, type, data) as one JSON object on stdout.
const { CasparCG } = require('casparcg-connection');

const [port] = process.argv.slice(2);
const connection = new CasparCG({ host: '127.0.0.1', port: Number(port), autoConnect: true });

async function ask(name, send) {
  const { error, request } = await send();
  if (error) return { name, error: String(error) };
  const reply = await request;
  return { name, code: reply.responseCode, type: reply.type, data: reply.data ?? null };
}

(async () => {
  await new Promise((resolve, reject) => {
    connection.once('connect', resolve);
    connection.once('error', reject);
  });
  const steps = [
    await ask('version', () => connection.version()),
    await ask('info', () => connection.info({})),
    await ask('cls', () => connection.cls()),
    await ask('cinf', () => connection.cinf({ filename: 'CLIP1' })),
    await ask('loadbg', () => connection.loadbg({ channel: 1, layer: 4, clip: 'CLIP1', loop: true })),
    await ask('play', () => connection.play({ channel: 1, layer: 4 })),
    await ask('infoChannel', () => connection.infoChannel({ channel: 1 })),
    await ask('infoLayer', () => connection.infoLayer({ channel: 1, layer: 4 })),
    await ask('mixerOpacity', () => connection.mixerOpacity({ channel: 1, layer: 4, value: 0.5, duration: 10, tween: 'linear' })),
    await ask('mixerVolume', () => connection.mixerVolume({ channel: 1, layer: 4, value: 0.8 })),
    await ask('mixerFill', () => connection.mixerFill({ channel: 1, layer: 4, x: 0.5, y: 0, xScale: 0.5, yScale: 0.5 })),
    await ask('mixerBrightness', () => connection.mixerBrightness({ channel: 1, layer: 4, value: 0.5 })),
    await ask('mixerClear', () => connection.mixerClear({ channel: 1, layer: 4 })),
    await ask('call', () => connection.call({ channel: 1, layer: 4, param: 'SEEK', value: 25 })),
    await ask('stop', () => connection.stop({ channel: 1, layer: 4 })),
    await ask('clear', () => connection.clear({ channel: 1, layer: 4 })),
    await ask('missing', () => connection.play({ channel: 1, layer: 4, clip: 'NO_SUCH_CLIP' })),
    await ask('automation', () => connection.play({ channel: 1, layer: 10, clip: 'CLIP1' })),
    await ask('channel', () => connection.play({ channel: 9, layer: 4, clip: 'CLIP1' })),
    await ask('missingParameter', () => connection.load({ channel: 1, layer: 4 })),
  ];
  process.stdout.write(JSON.stringify(steps));
  connection.discard();
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
