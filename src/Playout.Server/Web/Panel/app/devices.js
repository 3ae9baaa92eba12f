// Devices: cards, outputs, the transmitter pairs and the other devices with their link, readings and settings; an
// operator sends a device a command (its arguments as the device declares them) and changes a pair over (press twice).
import { esc } from './dom.js';
import { getJson, post, ApiError } from './api.js';
import { t } from './i18n.js';

const armSeconds = 4;

export async function load(update) {
  let data;
  try {
    data = await getJson('/api/devices');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return {
      cards: [], devices: [], pairs: [],
      outputs: (update?.channels ?? []).flatMap(c => c.engine.outputs.map((o, i) => ({ channel: c.name, index: i, type: o.name, target: '', state: 'ok', framesSent: o.counters.sent, dropped: o.counters.dropped }))),
    };
  }
  // Each device's whole status (readings, settings, the commands it takes) beside the list; a device gone meanwhile shows its row only.
  const [details, pairs] = await Promise.all([
    Promise.all(data.devices.map(d => getJson(`/api/devices/${encodeURIComponent(d.name)}`).catch(() => null))),
    getJson('/api/transmitter-pairs').catch(() => []),
  ]);
  data.devices.forEach((d, i) => { d.detail = details[i]; });
  data.pairs = pairs;
  return data;
}

const table = (heads, rows) => `<table><thead><tr>${heads.map(h => `<th>${esc(t('col.' + h))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
const state = s => `<span class="pill dev-${esc(s)}">${esc(s)}</span>`;
const number = v => Number.isInteger(v) ? String(v) : v.toFixed(2);

const readings = d => (d.detail?.measurements ?? []).map(m => `<span class="reading" data-reading="${esc(m.name)}">${esc(m.name)} ${esc(number(m.value))}${m.unit ? ' ' + esc(m.unit) : ''}</span>`).join(' ');

/** Settings as "name actual", with what was asked beside it where the device does not (yet) show it. */
const settings = d => (d.detail?.settings ?? []).map(s =>
  `<span class="setting${s.desired != null && s.desired !== s.actual ? ' pending' : ''}" data-setting="${esc(s.name)}">${esc(s.name)} ${esc(s.actual ?? '?')}${s.desired != null && s.desired !== s.actual ? ` (${esc(t('wanted'))} ${esc(s.desired)})` : ''}</span>`).join(' ');

function argumentInput(p) {
  const label = `${esc(p.name)}${p.unit ? ` (${esc(p.unit)})` : ''}`;
  if (p.values) return `<label>${label} <select name="${esc(p.name)}">${p.values.map(v => `<option>${esc(v)}</option>`).join('')}</select></label>`;
  const bounds = `${p.min != null ? ` min="${p.min}"` : ''}${p.max != null ? ` max="${p.max}"` : ''} step="${p.integer ? 1 : 'any'}"`;
  return `<label>${label} <input type="number" name="${esc(p.name)}"${bounds}${p.required ? ' required' : ''} size="6"></label>`;
}

/** A device's command form: the command, then its arguments (redrawn when another command is picked). */
function commandForm(d) {
  const commands = d.detail?.commands ?? [];
  if (commands.length === 0) return '';
  return `<form class="device-command" data-device="${esc(d.name)}">
    <select name="command" data-r="device-command">${commands.map(c => `<option value="${esc(c.name)}" title="${esc(c.description)}">${esc(c.name)}</option>`).join('')}</select>
    <span class="arguments">${commands[0].parameters.map(argumentInput).join('')}</span>
    <button type="submit">${esc(t('send'))}</button></form>`;
}

const side = s => t('side.' + s);

function pairRow(p, canAct) {
  const last = p.lastChangeover ? `${side(p.lastChangeover.to)} · ${new Date(p.lastChangeover.at).toISOString().slice(0, 19).replace('T', ' ')} UTC · ${p.lastChangeover.why} · ${p.lastChangeover.who}` : '';
  const buttons = canAct ? ['main', 'reserve'].map(s =>
    `<button data-changeover="${esc(p.name)}" data-to="${s}"${p.onAir === s ? ' disabled' : ''}>${esc(t('changeoverTo', { side: side(s) }))}</button>`).join(' ') : '';
  return `<tr data-pair="${esc(p.name)}"><td>${esc(p.name)}</td><td>${state(p.onAir === 'main' ? 'ok' : 'reserve')} ${esc(side(p.onAir))}</td>
    <td>${esc(p.main)}${p.mainFault ? ` — ${esc(p.mainFault)}` : ''}</td><td>${esc(p.reserve)}${p.reserveFault ? ` — ${esc(p.reserveFault)}` : ''}</td>
    <td>${esc(last)}${p.held ? `<div class="held">${esc(p.held)}</div>` : ''}</td><td>${buttons}</td></tr>`;
}

export function html(d, canAct) {
  return `<div class="devices">
    <h3>${esc(t('cards'))}</h3>${table(['channel', 'driver', 'output', 'state', 'detail'], d.cards.map(c =>
      `<tr><td>${esc(c.channel)}</td><td>${esc(c.driver)}</td><td>${esc(c.output)}</td><td>${state(c.state)}${c.genlocked ? ' 🔒' : ''}</td><td>${esc(c.detail)}</td></tr>`).join(''))}
    <h3>${esc(t('outputs'))}</h3>${table(['channel', 'type', 'target', 'state', 'sent', 'dropped'], d.outputs.map(o =>
      `<tr><td>${esc(o.channel)}</td><td>${esc(o.type)}</td><td>${esc(o.target)}</td><td>${state(o.state)}</td><td>${esc(o.framesSent)}</td><td>${esc(o.dropped)}</td></tr>`).join(''))}
    ${d.pairs.length ? `<h3>${esc(t('transmitterPairs'))}</h3>${table(['name', 'onAir', 'main', 'reserve', 'lastChangeover', 'actions'], d.pairs.map(p => pairRow(p, canAct)).join(''))}` : ''}
    <h3>${esc(t('otherDevices'))}</h3>${table(['name', 'driver', 'state', 'readings', 'lastAction'].concat(canAct ? ['command'] : []), d.devices.map(v =>
      `<tr data-device-row="${esc(v.name)}"><td>${esc(v.name)}</td><td>${esc(v.driver)}${v.identity ? ' · ' + esc(v.identity) : ''}</td><td>${state(v.state)} ${esc(v.error ?? '')}</td>
       <td>${readings(v)}<div>${settings(v)}</div></td><td>${esc(v.lastAction ?? '')} ${esc(v.lastActionAt ?? '')}</td>${canAct ? `<td>${commandForm(v)}</td>` : ''}</tr>`).join(''))}
  </div>`;
}

/** What the operator has picked and typed in each device's command form, kept across a reload of the tab. */
export function keep(root) {
  return [...root.querySelectorAll('form.device-command')].map(form => ({
    device: form.dataset.device,
    fields: [...form.elements].filter(e => e.name).map(e => [e.name, e.value]),
  }));
}

/** Puts back what `keep` kept: the command first (its arguments drawn for it), then the values typed. */
export function restore(root, kept, data) {
  for (const { device, fields } of kept) {
    const form = [...root.querySelectorAll('form.device-command')].find(f => f.dataset.device === device);
    if (!form) continue;
    const command = fields.find(([name]) => name === 'command')?.[1];
    const spec = data.devices.find(d => d.name === device)?.detail?.commands.find(c => c.name === command);
    if (!spec) continue;
    form.elements.command.value = command;
    form.querySelector('.arguments').innerHTML = spec.parameters.map(argumentInput).join('');
    for (const [name, value] of fields)
      if (name !== 'command' && form.elements[name]) form.elements[name].value = value;
  }
}

/**
 * The devices tab's controls on `root`: a command picked redraws its arguments, a command form sends, a changeover
 * button arms then changes over; `data()` is what the tab shows, `say` reports, `acted` reloads the tab.
 */
export function wire(root, data, say, acted) {
  let armed = null, timer = null;
  const disarm = () => { clearTimeout(timer); armed = null; root.querySelectorAll('[data-changeover].armed').forEach(b => b.classList.remove('armed')); };

  root.addEventListener('change', event => {
    if (event.target.dataset.r !== 'device-command') return;
    const form = event.target.closest('form');
    const device = data()?.devices?.find(d => d.name === form.dataset.device);
    const command = device?.detail?.commands.find(c => c.name === event.target.value);
    form.querySelector('.arguments').innerHTML = (command?.parameters ?? []).map(argumentInput).join('');
  });

  root.addEventListener('submit', async event => {
    const form = event.target.closest('form.device-command');
    if (!form) return;
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form));
    const { command, ...args } = fields;
    const what = `${form.dataset.device}: ${command}`;
    try {
      await post(`/api/devices/${encodeURIComponent(form.dataset.device)}/commands/${encodeURIComponent(command)}`,
        Object.fromEntries(Object.entries(args).filter(([, v]) => v !== '')));
      say(t('done', { action: what }), 'done');
      acted();
    } catch (error) {
      say(`${what}: ${error.message}`, 'refused');
    }
  });

  root.addEventListener('click', async event => {
    const button = event.target.closest('[data-changeover]');
    if (!button) return;
    const key = `${button.dataset.changeover}/${button.dataset.to}`;
    const what = `${button.dataset.changeover}: ${t('changeoverTo', { side: side(button.dataset.to) })}`;
    if (armed !== key) {
      disarm();
      armed = key;
      button.classList.add('armed');
      say(t('armed', { action: what }), 'armed');
      timer = setTimeout(disarm, armSeconds * 1000);
      return;
    }
    disarm();
    try {
      await post(`/api/transmitter-pairs/${encodeURIComponent(button.dataset.changeover)}/changeover?to=${button.dataset.to}`);
      say(t('done', { action: what }), 'done');
      acted();
    } catch (error) {
      say(`${what}: ${error.message}`, 'refused');
    }
  });
}
