// The panel: settings and role from /api/panel, one live stream for every channel, the overview and the channel view,
// shortcuts, language, and the connection's state (lost loudly; values older than a second greyed and struck through).
import { token, get, getJson, post, download, openStream, ApiError, sendText } from './api.js';
import { listen } from './keys.js';
import { t, setLanguage, language, languageNames, translatePage } from './i18n.js';
import { esc, find } from './dom.js';
import { framesSince } from './status.js';
import { Operator, canAct } from './actions.js';
import * as overview from './overview.js';
import * as channelView from './channel.js';
import * as rundown from './rundown.js';
import * as asrun from './asrun.js';
import * as alarmsView from './alarms.js';
import * as devices from './devices.js';

const staleAfterMs = 1000;
const ctx = { settings: null, role: 'viewer', update: null, receivedAt: 0, live: false, alarms: { listed: [], history: [] } };
const view = document.getElementById('view');
let route = { name: 'overview' };
let rundownItems = [], selectedKey = null, lastRundownSignature = '', mainData = null, devicesLoadedAt = 0;
/** How often the devices tab reloads while shown (links, readings, a changeover), unless the operator is in one of its fields. */
const devicesRefreshMs = 2000;

const say = (text, kind) => {
  const toast = document.getElementById('toast');
  const line = document.createElement('div');
  line.className = 'toast-' + kind;
  line.textContent = text;
  toast.prepend(line);
  while (toast.childElementCount > 4) toast.lastElementChild.remove();
  setTimeout(() => line.remove(), 6000);
};

const operator = new Operator(ctx, say);

function parseRoute() {
  const match = /^#\/channel\/(\d+)(?:\/(\w+))?/.exec(location.hash);
  if (match && ctx.settings && +match[1] >= 1 && +match[1] <= ctx.settings.channels.length)
    return { name: 'channel', number: +match[1], tab: channelView.tabs.includes(match[2]) ? match[2] : 'rundown' };
  return { name: 'overview' };
}

function render() {
  route = parseRoute();
  operator.disarm();
  lastRundownSignature = '';
  mainData = null;
  if (route.name === 'overview') overview.mount(view, ctx);
  else {
    channelView.mount(view, ctx, route.number, route.tab);
    if (ctx.settings.channels[route.number - 1].hasPreview) openMjpeg(route.number);
    refreshMain();
  }
  drawAlarms();
  document.body.dataset.view = route.name;
  paint();
}

const channelOf = number => ctx.update?.channels.find(c => c.number === number);

/**
 * The tab under the channel's top: loaded when opened, and again when what it shows may have changed; `sent` after the
 * operator's own device command, which is shown at once wherever the focus is (Enter leaves it in the field).
 */
async function refreshMain(sent = false) {
  if (route.name !== 'channel') return;
  const main = find(view, 'main');
  const { number, tab } = route;
  try {
    if (tab === 'rundown') {
      rundownItems = await rundown.load(number, channelOf(number)?.automation?.onAir?.key);
      // The selection stays on an event ahead: one that went to air meanwhile gives it to the first event ahead.
      const ahead = i => i.state !== 'played' && i.state !== 'onair';
      if (!rundownItems.some(i => i.key === selectedKey && ahead(i)))
        selectedKey = rundownItems.find(ahead)?.key ?? null;
      mainData = rundownItems;
    } else if (tab === 'asRun') mainData = await asrun.load(number);
    else if (tab === 'devices') {
      devicesLoadedAt = performance.now();
      mainData = await devices.load(ctx.update);
    }
    else mainData = ctx.alarms;
  } catch (error) {
    main.innerHTML = `<p class="refused">${esc(error.message)}</p>`;
    return;
  }
  if (route.number !== number || route.tab !== tab) return;
  // An operator who began typing while the devices were loading keeps the form: a redraw would take the field from
  // under the keys (what was typed is kept, the keys after it would be lost). The next reload draws.
  if (tab === 'devices' && !sent && typing() && document.activeElement.closest('form.device-command')) return;
  drawMain();
}

/** Whether the operator is in a field of the tab under the channel's top. */
const typing = () => find(view, 'main')?.contains(document.activeElement) && document.activeElement.matches('input, select');

function drawMain() {
  const main = find(view, 'main');
  if (!main || mainData === null) return;
  const { number, tab } = route;
  const kept = tab === 'devices' ? devices.keep(main) : [];
  main.innerHTML = tab === 'rundown' ? rundown.html(rundownItems, selectedKey)
    : tab === 'asRun' ? asrun.html(number, mainData)
    : tab === 'devices' ? devices.html(mainData, canAct(ctx))
    : alarmsView.html(ctx.alarms, canAct(ctx));
  if (tab === 'devices') devices.restore(main, kept, mainData);
}

/** Draws the latest update, counting the counters on by the frames since it came. */
function paint() {
  const now = performance.now();
  const stale = !ctx.live || !ctx.update || now - ctx.receivedAt > staleAfterMs;
  document.body.classList.toggle('stale', stale);
  drawClocks(now);
  if (!ctx.update) return;
  const ahead = channel => stale ? 0 : framesSince(channel, ctx.receivedAt, now);
  if (route.name === 'overview') overview.update(view, ctx, ahead);
  else {
    const channel = channelOf(route.number);
    if (channel) channelView.update(view, ctx, channel, ahead(channel));
  }
}

function drawClocks(now) {
  const at = ctx.update ? new Date(Date.parse(ctx.update.at) + (now - ctx.receivedAt)) : null;
  const format = zone => at ? at.toLocaleTimeString('en-GB', { timeZone: zone, hour12: false }) : '--:--:--';
  document.getElementById('clock-utc').textContent = format('UTC');
  document.getElementById('clock-station').textContent = format(ctx.settings?.station.timeZone ?? 'UTC');
}

function onUpdate(update) {
  const before = ctx.update;
  ctx.update = update;
  ctx.receivedAt = performance.now();
  if (route.name === 'channel') {
    const a = channelOf(route.number)?.automation, b = before?.channels.find(c => c.number === route.number)?.automation;
    const signature = `${a?.scheduleVersion}/${a?.onAir?.key}/${a?.next?.key}`;
    if (signature !== lastRundownSignature && (route.tab === 'rundown' || route.tab === 'asRun')) {
      lastRundownSignature = signature;
      if (b) refreshMain();
    }
    if (route.tab === 'devices' && !typing() && performance.now() - devicesLoadedAt > devicesRefreshMs) refreshMain();
  }
  paint(); // at once: a cut shows as soon as it comes, not at the next repaint
}

function onAlarms(alarms) {
  ctx.alarms = alarms;
  drawAlarms();
  if (route.name === 'channel' && route.tab === 'alarms') { mainData = alarms; drawMain(); }
}

/** The alarm count in the top bar and, on a channel, its own alarms beside it. */
function drawAlarms() {
  const listed = ctx.alarms.listed;
  document.getElementById('alarm-count').textContent = listed.filter(a => !a.clearedAt).length;
  document.body.classList.toggle('alarming', listed.some(a => !a.clearedAt && !a.ack));
  if (route.name !== 'channel') return;
  const name = ctx.settings.channels[route.number - 1].name;
  find(view, 'channel-alarms').innerHTML = alarmsView.listHtml(listed.filter(a => a.source.startsWith(name + '/') || a.source === name), canAct(ctx), true);
}

function onConnection(state, retryIn) {
  const back = state === 'live' && !ctx.live && ctx.settings;
  ctx.live = state === 'live';
  const banner = document.getElementById('conn');
  banner.hidden = ctx.live;
  if (!ctx.live) banner.textContent = t('connectionLost', { seconds: retryIn });
  if (ctx.live && !ctx.settings) start();
  if (back) render(); // back after a break: the preview stream and the tabs open again
}

// What the channel view tells the operator's actions.
const viewState = {
  selectedId: () => rundownItems.find(i => i.key === selectedKey)?.id ?? null,
  // The schedule event behind the selected row: its day and top-level id (a block's, for one of its events); null for filler.
  selectedEvent: () => {
    const key = rundownItems.find(i => i.key === selectedKey)?.key;
    if (!key || key.endsWith('@filler')) return null;
    return { day: key.slice(0, 10), id: key.slice(11).split(/[/#]/)[0] };
  },
  emergencyTarget: () => ({ to: find(view, 'emergency-to')?.value ?? 'filler', input: find(view, 'emergency-input')?.value ?? '' }),
  fallbackMinutes: () => find(view, 'fallback-minutes')?.value ?? '30',
  graphicsOn: () => channelOf(route.number)?.automation?.graphicsOn === true,
  openInsert: () => {
    const dialog = document.getElementById('insert');
    dialog.showModal();
    dialog.querySelector('input[name=source]').focus();
  },
  acted: () => refreshMain(),
};

function select(step) {
  if (route.name !== 'channel' || route.tab !== 'rundown' || rundownItems.length === 0) return;
  const index = rundownItems.findIndex(i => i.key === selectedKey);
  selectedKey = rundownItems[Math.max(0, Math.min(rundownItems.length - 1, index + step))].key;
  drawMain();
  view.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
}

async function acknowledgeOldest() {
  const name = route.name === 'channel' ? ctx.settings.channels[route.number - 1].name : null;
  const alarm = ctx.alarms.listed.find(a => !a.ack && (!name || a.source.startsWith(name + '/')));
  if (!alarm) return say(t('noAlarms'), 'refused');
  await acknowledge(alarm.id);
}

async function acknowledge(id) {
  try {
    await post(`/api/alarms/${id}/ack`);
    say(t('acknowledged'), 'done');
  } catch (error) {
    say(error.message, 'refused');
  }
}

function go(action) {
  const channels = ctx.settings.channels.length;
  const number = route.name === 'channel' ? route.number : 0;
  const tab = name => { location.hash = `#/channel/${number || 1}/${route.name === 'channel' && route.tab === name ? 'rundown' : name}`; };
  switch (action) {
    case 'overview': location.hash = '#/'; break;
    case 'previousChannel': location.hash = `#/channel/${number <= 1 ? channels : number - 1}`; break;
    case 'nextChannel': location.hash = `#/channel/${number >= channels ? 1 : number + 1}`; break;
    case 'asRun': case 'devices': case 'alarms': tab(action); break;
    case 'selectUp': select(-1); break;
    case 'selectDown': select(1); break;
    case 'acknowledge': if (canAct(ctx)) acknowledgeOldest(); break;
    case 'help': toggleHelp(); break;
    case 'cancel': operator.disarm(); document.getElementById('help').hidden = true; break;
    default:
      if (route.name === 'channel') operator.press(action, route.number, viewState);
  }
}

function toggleHelp() {
  const help = document.getElementById('help');
  help.hidden = !help.hidden;
  find(help, 'keys').innerHTML = Object.entries(ctx.settings.shortcuts)
    .map(([action, key]) => `<tr><td><kbd>${esc(key)}</kbd></td><td>${esc(t('shortcut.' + action))}</td></tr>`).join('');
}

view.addEventListener('click', event => {
  const target = event.target.closest('[data-action], [data-ack], tr.item, [data-export]');
  if (!target) return;
  if (target.dataset.action) {
    target.blur(); // a focused button would also take the Space of the take shortcut as a click
    go(target.dataset.action);
  }
  else if (target.dataset.ack) acknowledge(+target.dataset.ack);
  else if (target.dataset.export) download(target.dataset.path, target.dataset.file).catch(error => say(error.message, 'refused'));
  else { selectedKey = target.dataset.key; drawMain(); }
});

// An engineer's files: a schedule loaded (its days replace the same days) or a C# script run against the channel's schedule.
view.addEventListener('change', async event => {
  const kind = event.target.dataset.r, file = event.target.files?.[0];
  if (!file || (kind !== 'schedule-file' && kind !== 'script-file')) return;
  try {
    const text = await file.text();
    if (kind === 'schedule-file') {
      const { ok, body } = await sendText('PUT', `/api/channels/${route.number}/schedule?name=${encodeURIComponent(file.name)}`, text);
      say(ok ? t('scheduleLoaded', { version: body.version }) : (body.errors ?? [body.detail]).join('\n'), ok ? 'done' : 'refused');
    } else {
      const { ok, body } = await sendText('POST', `/api/channels/${route.number}/scripts`, text);
      // Refused: the reason; failed: its errors (the compiler's lines, the exception), else the problem's detail.
      const lines = ok ? [t('scriptRan', { name: file.name, version: body.version }), ...(body.log ?? [])]
        : body.refused ? [`${file.name}: ${body.refused}`] : body.errors?.length ? [`${file.name}:`, ...body.errors] : [`${file.name}: ${body.detail ?? ''}`];
      say(lines.filter(Boolean).join('\n'), ok ? 'done' : 'refused');
    }
    refreshMain();
  } catch (error) {
    say(error.message, 'refused');
  }
  event.target.value = '';
});

devices.wire(view, () => route.name === 'channel' && route.tab === 'devices' ? mainData : null, say, () => refreshMain(true));

document.getElementById('insert').addEventListener('close', async event => {
  const dialog = event.target;
  if (dialog.returnValue !== 'insert' || route.name !== 'channel') return;
  const form = new FormData(dialog.querySelector('form'));
  const body = { source: form.get('source'), kind: form.get('kind'), when: form.get('when') };
  if (form.get('duration')) body.duration = form.get('duration');
  try {
    await post(`/api/channels/${route.number}/insert`, body);
    say(t('done', { action: t('action.insert') }), 'done');
    refreshMain();
  } catch (error) {
    say(`${t('action.insert')}: ${error.message}`, 'refused');
  }
});

function showCaller() {
  const caller = ctx.settings.caller;
  document.getElementById('user').textContent = `${caller.name} · ${t('role.' + caller.role)}`;
  document.getElementById('signin').textContent = token.get() ? t('signOut') : t('signIn');
}

document.getElementById('signin').addEventListener('click', () => {
  if (token.get()) {
    token.set(null);
    location.reload();
  } else document.getElementById('login').showModal();
});

document.getElementById('login').addEventListener('close', event => {
  const value = event.target.querySelector('input').value.trim();
  if (event.target.returnValue === 'signin' && value) {
    token.set(value);
    location.reload();
  }
});

const languageSelect = document.getElementById('lang');
languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value);
  localStorage.setItem('playout.language', languageSelect.value);
  translatePage();
  showCaller();
  render();
});

let stream = null;

/** Reads the settings (again after a restart: shortcuts or channels may have changed), then draws. */
async function start() {
  try {
    ctx.settings = await getJson('/api/panel');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      document.getElementById('login').showModal();
      return;
    }
    onConnection('lost', 1);
    setTimeout(start, 1000);
    return;
  }
  ctx.role = ctx.settings.caller.role;
  document.body.dataset.role = ctx.role;
  alarmsView.setZone(ctx.settings.station.timeZone);
  document.getElementById('station').textContent = `${ctx.settings.station.name} · ${ctx.settings.station.timeZone}`;
  document.getElementById('zone').textContent = ctx.settings.station.timeZone;
  const chosen = localStorage.getItem('playout.language');
  setLanguage(ctx.settings.languages.includes(chosen) ? chosen : ctx.settings.defaultLanguage);
  languageSelect.innerHTML = ctx.settings.languages.map(l => `<option value="${l}"${l === language() ? ' selected' : ''}>${esc(languageNames[l])}</option>`).join('');
  translatePage();
  showCaller();
  if (!keysListening) {
    listen(ctx.settings.shortcuts, go);
    keysListening = true;
  }
  render();
  stream ??= openStream({ update: onUpdate, alarms: onAlarms }, onConnection);
}

let keysListening = false;
window.addEventListener('hashchange', render);
document.getElementById('help-button').addEventListener('click', toggleHelp);
setInterval(paint, 40);
// Item states change between cuts too (cued, missing media found): the open rundown is read again every 10 s.
setInterval(() => { if (ctx.live && route.name === 'channel' && route.tab === 'rundown') refreshMain(); }, 10_000);
previewLoop();
start();

/**
 * Preview pictures. The open channel's programme comes as an MJPEG stream (the service's rate, up to 25 a second); where
 * that cannot be had, and for the overview's tiles, stills are fetched with the token (about 5 and 2 a second). The cued
 * clip's still shows while one is pre-rolled.
 */
async function openMjpeg(number) {
  const img = find(view, 'preview');
  if (!img) return;
  try {
    const ticket = token.get() ? (await post('/api/stream-ticket')).value : null;
    img.onerror = () => { delete img.dataset.mjpeg; img.onerror = null; };
    img.dataset.mjpeg = 'on';
    img.src = `/api/channels/${number}/preview.mjpeg` + (ticket ? '?ticket=' + encodeURIComponent(ticket) : '');
  } catch {
    // No ticket: the stills below stand in.
  }
}

async function previewLoop() {
  const urls = new Map();
  const show = async (key, img, path) => {
    const blob = await (await get(path)).blob();
    const url = URL.createObjectURL(blob);
    img.src = url;
    if (urls.has(key)) URL.revokeObjectURL(urls.get(key));
    urls.set(key, url);
  };
  for (let round = 0; ; round++) {
    const targets = route.name === 'channel' ? [{ channel: route.number, img: find(view, 'preview') }].filter(p => p.img && !p.img.dataset.mjpeg)
      : overview.previews(view);
    for (const { channel, img } of targets) {
      if (!ctx.live) break;
      await show(channel, img, `/api/channels/${channel}/preview.jpg`).catch(() => {});
    }
    const cued = route.name === 'channel' && round % 10 === 0 ? find(view, 'cued') : null;
    if (cued && ctx.live)
      await show('cued', cued, `/api/channels/${route.number}/cued.jpg`).then(() => { find(view, 'cued-box').hidden = false; },
        () => { find(view, 'cued-box').hidden = true; });
    await new Promise(resolve => setTimeout(resolve, route.name === 'channel' ? 200 : 500));
  }
}
