// The panel's words in English, Vietnamese, Chinese (Simplified) and Indonesian. Each user picks one (kept in this
// browser's localStorage); a word a language lacks falls back to English.

export const languageNames = { en: 'English', vi: 'Tiếng Việt', 'zh-CN': '中文（简体）', id: 'Bahasa Indonesia' };

const en = {
  'status.played': 'played', 'status.truncated': 'cut short', 'status.skipped': 'skipped', 'status.failed': 'failed', 'status.filler': 'filler', 'status.alarm': 'alarm', 'status.probe': 'probe', 'status.operator': 'operator',
  'item.pending': 'pending', 'item.queued': 'queued', 'item.done': 'done',
  overview: 'Overview', alarms: 'Alarms', signIn: 'Sign in', signOut: 'Sign out', help: 'Help', shortcuts: 'Keyboard shortcuts',
  helpText: 'Actions that change what is on air are armed by the first press and done by the second. Shortcuts do nothing while you type in a field.',
  tokenPrompt: 'API token', cancel: 'Cancel', source: 'Source', when: 'When', 'when.next': 'after the item on air', 'when.now': 'now',
  'action.take': 'Take', 'action.hold': 'Hold', 'action.release': 'Release', 'action.skip': 'Skip', 'action.next': 'Make next',
  'action.insert': 'Insert', 'action.emergency': 'Emergency', 'action.emergencyClear': 'End emergency', 'action.graphics': 'Graphics',
  'kind.clip': 'clip', 'kind.live': 'live', 'kind.still': 'still', 'kind.filler': 'filler', 'kind.block': 'block',
  noPreview: 'no preview', remaining: 'Remaining', elapsed: 'Elapsed', onAir: 'On air', next: 'Next', countdown: 'Starts in', cued: 'cued',
  'state.onair': 'ON AIR', 'state.hold': 'HOLD', 'state.waiting': 'WAITING', 'state.filler': 'FILLER', 'state.emergency': 'EMERGENCY', 'state.alarm': 'ALARM',
  outputs: 'Outputs', open: 'open', 'clock.nextFixed': 'Next fixed', 'clock.nextManual': 'Next manual', 'clock.nextBreak': 'Next break',
  'clock.endOfAutomation': 'End of automation', timecode: 'Timecode', tick: 'tick',
  'tab.rundown': 'Rundown', 'tab.asRun': 'As-run', 'tab.alarms': 'Alarms', 'tab.devices': 'Devices',
  audio: 'Audio', nothing: 'nothing', since: 'since', waitingForTake: 'waiting for a take', itemIntegrated: 'item', loudnessOff: 'loudness metering is off',
  emptyRundown: 'Nothing is planned.', 'mode.follow': 'follow', 'mode.fixed': 'fixed', 'mode.manual': 'manual',
  'item.played': 'played', 'item.onair': 'on air', 'item.cued': 'cued', 'item.ready': 'ready', 'item.missing': 'missing media',
  'item.skipped': 'skipped', 'item.failed': 'failed',
  'col.start': 'Start', 'col.duration': 'Duration', 'col.mode': 'Start mode', 'col.title': 'Title', 'col.id': 'ID', 'col.kind': 'Kind',
  'col.state': 'State', 'col.status': 'Status', 'col.actions': 'Operator actions', 'col.channel': 'Channel', 'col.driver': 'Driver',
  'col.output': 'Output', 'col.detail': 'Detail', 'col.type': 'Type', 'col.target': 'Target', 'col.sent': 'Frames sent', 'col.dropped': 'Dropped',
  'col.name': 'Name', 'col.lastAction': 'Last action',
  asRunOf: 'As-run of', export: 'Export', 'severity.critical': 'critical', 'severity.major': 'major', 'severity.minor': 'minor',
  'severity.warning': 'warning', 'severity.indeterminate': 'indeterminate', ackBy: 'acknowledged by', acknowledge: 'Acknowledge',
  noAlarms: 'No alarms.', 'event.raised': 'raised', 'event.cleared': 'cleared', 'event.acknowledged': 'acknowledged',
  listedAlarms: 'Alarms', history: 'History', cards: 'Cards', otherDevices: 'GPI and other devices', emergencyTo: 'Emergency cuts to',
  'emergency.filler': 'filler', 'emergency.slate': 'slate', 'emergency.input': 'live input', inputName: 'input name', loadSchedule: 'Load schedule…',
  armed: '{action} armed: press again to confirm', takeIgnored: 'take ignored: the last take was {ms} ms ago', done: '{action} done',
  selectFirst: 'select an event in the rundown first', connectionLost: 'CONNECTION LOST — values are not live; retrying in {seconds} s',
  acknowledged: 'alarm acknowledged', scheduleLoaded: 'schedule loaded (version {version})',
  'role.viewer': 'viewer', 'role.operator': 'operator', 'role.engineer': 'engineer',
  'shortcut.take': 'Take the next event (press twice)', 'shortcut.hold': 'Hold the event on air', 'shortcut.release': 'Release the hold (press twice)',
  'shortcut.skip': 'Skip the next event (press twice)', 'shortcut.next': 'Make the selected event next (press twice)',
  'shortcut.insert': 'Insert a clip or live source', 'shortcut.emergency': 'Emergency cut (press twice)',
  'shortcut.emergencyClear': 'Back to automation (press twice)', 'shortcut.graphics': 'Graphics on/off',
  'shortcut.acknowledge': 'Acknowledge the oldest alarm', 'shortcut.selectUp': 'Select the event above', 'shortcut.selectDown': 'Select the event below',
  'shortcut.overview': 'Overview', 'shortcut.previousChannel': 'Previous channel', 'shortcut.nextChannel': 'Next channel',
  'shortcut.asRun': 'As-run log', 'shortcut.devices': 'Devices', 'shortcut.alarms': 'Alarms', 'shortcut.cancel': 'Cancel an armed action, close help',
  'shortcut.help': 'This help',
};

const vi = {
  'status.played': 'đã phát', 'status.truncated': 'bị cắt ngắn', 'status.skipped': 'đã bỏ qua', 'status.failed': 'lỗi', 'status.filler': 'lấp chỗ', 'status.alarm': 'cảnh báo', 'status.probe': 'đo kiểm', 'status.operator': 'người vận hành',
  'item.pending': 'chờ', 'item.queued': 'đã xếp lệnh', 'item.done': 'xong',
  overview: 'Tổng quan', alarms: 'Cảnh báo', signIn: 'Đăng nhập', signOut: 'Đăng xuất', help: 'Trợ giúp', shortcuts: 'Phím tắt',
  helpText: 'Các thao tác thay đổi nội dung đang phát được kích hoạt ở lần nhấn đầu và thực hiện ở lần nhấn thứ hai. Phím tắt không hoạt động khi bạn đang gõ vào ô nhập.',
  tokenPrompt: 'Mã API', cancel: 'Hủy', source: 'Nguồn', when: 'Khi nào', 'when.next': 'sau mục đang phát', 'when.now': 'ngay',
  'action.take': 'Chuyển', 'action.hold': 'Giữ', 'action.release': 'Thả giữ', 'action.skip': 'Bỏ qua', 'action.next': 'Đặt kế tiếp',
  'action.insert': 'Chèn', 'action.emergency': 'Khẩn cấp', 'action.emergencyClear': 'Kết thúc khẩn cấp', 'action.graphics': 'Đồ họa',
  'kind.clip': 'clip', 'kind.live': 'trực tiếp', 'kind.still': 'ảnh tĩnh', 'kind.filler': 'lấp chỗ', 'kind.block': 'khối',
  noPreview: 'không có xem trước', remaining: 'Còn lại', elapsed: 'Đã phát', onAir: 'Đang phát', next: 'Kế tiếp', countdown: 'Bắt đầu sau', cued: 'đã chuẩn bị',
  'state.onair': 'ĐANG PHÁT', 'state.hold': 'GIỮ', 'state.waiting': 'CHỜ', 'state.filler': 'LẤP CHỖ', 'state.emergency': 'KHẨN CẤP', 'state.alarm': 'CẢNH BÁO',
  outputs: 'Đầu ra', open: 'mở', 'clock.nextFixed': 'Giờ cố định kế tiếp', 'clock.nextManual': 'Thủ công kế tiếp', 'clock.nextBreak': 'Quảng cáo kế tiếp',
  'clock.endOfAutomation': 'Hết tự động', timecode: 'Mã thời gian', tick: 'khung',
  'tab.rundown': 'Danh sách phát', 'tab.asRun': 'Nhật ký phát', 'tab.alarms': 'Cảnh báo', 'tab.devices': 'Thiết bị',
  audio: 'Âm thanh', nothing: 'không có', since: 'từ', waitingForTake: 'chờ lệnh chuyển', itemIntegrated: 'mục', loudnessOff: 'đo độ lớn đang tắt',
  emptyRundown: 'Không có gì được lên lịch.', 'mode.follow': 'nối tiếp', 'mode.fixed': 'cố định', 'mode.manual': 'thủ công',
  'item.played': 'đã phát', 'item.onair': 'đang phát', 'item.cued': 'đã chuẩn bị', 'item.ready': 'sẵn sàng', 'item.missing': 'thiếu tệp',
  'item.skipped': 'đã bỏ qua', 'item.failed': 'lỗi',
  'col.start': 'Bắt đầu', 'col.duration': 'Thời lượng', 'col.mode': 'Kiểu bắt đầu', 'col.title': 'Tiêu đề', 'col.id': 'Mã', 'col.kind': 'Loại',
  'col.state': 'Trạng thái', 'col.status': 'Kết quả', 'col.actions': 'Thao tác của người vận hành', 'col.channel': 'Kênh', 'col.driver': 'Trình điều khiển',
  'col.output': 'Đầu ra', 'col.detail': 'Chi tiết', 'col.type': 'Loại', 'col.target': 'Đích', 'col.sent': 'Khung đã gửi', 'col.dropped': 'Bị rớt',
  'col.name': 'Tên', 'col.lastAction': 'Thao tác gần nhất',
  asRunOf: 'Nhật ký phát ngày', export: 'Xuất', 'severity.critical': 'nghiêm trọng', 'severity.major': 'lớn', 'severity.minor': 'nhỏ',
  'severity.warning': 'cảnh giác', 'severity.indeterminate': 'không xác định', ackBy: 'đã xác nhận bởi', acknowledge: 'Xác nhận',
  noAlarms: 'Không có cảnh báo.', 'event.raised': 'phát sinh', 'event.cleared': 'đã hết', 'event.acknowledged': 'đã xác nhận',
  listedAlarms: 'Cảnh báo', history: 'Lịch sử', cards: 'Card', otherDevices: 'GPI và thiết bị khác', emergencyTo: 'Khẩn cấp chuyển sang',
  'emergency.filler': 'lấp chỗ', 'emergency.slate': 'màn hình chờ', 'emergency.input': 'nguồn trực tiếp', inputName: 'tên nguồn vào', loadSchedule: 'Nạp lịch phát…',
  armed: 'Đã kích hoạt {action}: nhấn lần nữa để xác nhận', takeIgnored: 'bỏ qua lệnh chuyển: lần chuyển trước mới {ms} ms', done: 'Đã {action}',
  selectFirst: 'hãy chọn một mục trong danh sách phát trước', connectionLost: 'MẤT KẾT NỐI — số liệu không còn trực tiếp; thử lại sau {seconds} giây',
  acknowledged: 'đã xác nhận cảnh báo', scheduleLoaded: 'đã nạp lịch phát (phiên bản {version})',
  'role.viewer': 'người xem', 'role.operator': 'người vận hành', 'role.engineer': 'kỹ sư',
  'shortcut.take': 'Chuyển sang mục kế tiếp (nhấn hai lần)', 'shortcut.hold': 'Giữ mục đang phát', 'shortcut.release': 'Thả giữ (nhấn hai lần)',
  'shortcut.skip': 'Bỏ qua mục kế tiếp (nhấn hai lần)', 'shortcut.next': 'Đặt mục đã chọn làm kế tiếp (nhấn hai lần)',
  'shortcut.insert': 'Chèn clip hoặc nguồn trực tiếp', 'shortcut.emergency': 'Chuyển khẩn cấp (nhấn hai lần)',
  'shortcut.emergencyClear': 'Trở về tự động (nhấn hai lần)', 'shortcut.graphics': 'Bật/tắt đồ họa',
  'shortcut.acknowledge': 'Xác nhận cảnh báo cũ nhất', 'shortcut.selectUp': 'Chọn mục phía trên', 'shortcut.selectDown': 'Chọn mục phía dưới',
  'shortcut.overview': 'Tổng quan', 'shortcut.previousChannel': 'Kênh trước', 'shortcut.nextChannel': 'Kênh sau',
  'shortcut.asRun': 'Nhật ký phát', 'shortcut.devices': 'Thiết bị', 'shortcut.alarms': 'Cảnh báo', 'shortcut.cancel': 'Hủy thao tác đã kích hoạt, đóng trợ giúp',
  'shortcut.help': 'Trợ giúp này',
};

const zh = {
  'status.played': '已播', 'status.truncated': '被截短', 'status.skipped': '已跳过', 'status.failed': '失败', 'status.filler': '垫片', 'status.alarm': '告警', 'status.probe': '检测', 'status.operator': '操作员',
  'item.pending': '待定', 'item.queued': '已排队', 'item.done': '完成',
  overview: '总览', alarms: '告警', signIn: '登录', signOut: '退出', help: '帮助', shortcuts: '键盘快捷键',
  helpText: '会改变播出内容的操作：第一次按下为预备，第二次按下才执行。在输入框中输入时快捷键不起作用。',
  tokenPrompt: 'API 令牌', cancel: '取消', source: '来源', when: '时间', 'when.next': '当前节目之后', 'when.now': '立即',
  'action.take': '切换', 'action.hold': '保持', 'action.release': '解除保持', 'action.skip': '跳过', 'action.next': '设为下一条',
  'action.insert': '插入', 'action.emergency': '应急', 'action.emergencyClear': '结束应急', 'action.graphics': '图文',
  'kind.clip': '片段', 'kind.live': '直播', 'kind.still': '静帧', 'kind.filler': '垫片', 'kind.block': '节目块',
  noPreview: '无预览', remaining: '剩余', elapsed: '已播', onAir: '正在播出', next: '下一条', countdown: '开始倒计时', cued: '已预备',
  'state.onair': '播出中', 'state.hold': '保持', 'state.waiting': '等待', 'state.filler': '垫片', 'state.emergency': '应急', 'state.alarm': '告警',
  outputs: '输出', open: '不定长', 'clock.nextFixed': '下一个定时节目', 'clock.nextManual': '下一个手动节目', 'clock.nextBreak': '下一个广告时段',
  'clock.endOfAutomation': '自动播出结束', timecode: '时间码', tick: '帧',
  'tab.rundown': '播出单', 'tab.asRun': '播出记录', 'tab.alarms': '告警', 'tab.devices': '设备',
  audio: '音频', nothing: '无', since: '开始于', waitingForTake: '等待切换', itemIntegrated: '节目', loudnessOff: '响度测量已关闭',
  emptyRundown: '没有安排任何节目。', 'mode.follow': '顺接', 'mode.fixed': '定时', 'mode.manual': '手动',
  'item.played': '已播', 'item.onair': '播出中', 'item.cued': '已预备', 'item.ready': '就绪', 'item.missing': '素材缺失',
  'item.skipped': '已跳过', 'item.failed': '失败',
  'col.start': '开始', 'col.duration': '时长', 'col.mode': '开始方式', 'col.title': '标题', 'col.id': '编号', 'col.kind': '类型',
  'col.state': '状态', 'col.status': '结果', 'col.actions': '操作员操作', 'col.channel': '频道', 'col.driver': '驱动',
  'col.output': '输出', 'col.detail': '详情', 'col.type': '类型', 'col.target': '目标', 'col.sent': '已发送帧', 'col.dropped': '丢弃',
  'col.name': '名称', 'col.lastAction': '最近操作',
  asRunOf: '播出记录日期', export: '导出', 'severity.critical': '严重', 'severity.major': '主要', 'severity.minor': '次要',
  'severity.warning': '警告', 'severity.indeterminate': '不确定', ackBy: '确认人', acknowledge: '确认',
  noAlarms: '没有告警。', 'event.raised': '产生', 'event.cleared': '清除', 'event.acknowledged': '已确认',
  listedAlarms: '告警', history: '历史', cards: '板卡', otherDevices: 'GPI 及其他设备', emergencyTo: '应急切换到',
  'emergency.filler': '垫片', 'emergency.slate': '提示画面', 'emergency.input': '直播输入', inputName: '输入名称', loadSchedule: '载入节目表…',
  armed: '{action} 已预备：再按一次确认', takeIgnored: '切换被忽略：距上次切换仅 {ms} 毫秒', done: '{action} 完成',
  selectFirst: '请先在播出单中选择一条', connectionLost: '连接中断 — 数据不是实时的；{seconds} 秒后重试',
  acknowledged: '告警已确认', scheduleLoaded: '节目表已载入（版本 {version}）',
  'role.viewer': '查看者', 'role.operator': '操作员', 'role.engineer': '工程师',
  'shortcut.take': '切换到下一条（按两次）', 'shortcut.hold': '保持当前节目', 'shortcut.release': '解除保持（按两次）',
  'shortcut.skip': '跳过下一条（按两次）', 'shortcut.next': '将所选条目设为下一条（按两次）',
  'shortcut.insert': '插入片段或直播源', 'shortcut.emergency': '应急切换（按两次）',
  'shortcut.emergencyClear': '返回自动播出（按两次）', 'shortcut.graphics': '图文开/关',
  'shortcut.acknowledge': '确认最早的告警', 'shortcut.selectUp': '选择上一条', 'shortcut.selectDown': '选择下一条',
  'shortcut.overview': '总览', 'shortcut.previousChannel': '上一个频道', 'shortcut.nextChannel': '下一个频道',
  'shortcut.asRun': '播出记录', 'shortcut.devices': '设备', 'shortcut.alarms': '告警', 'shortcut.cancel': '取消预备的操作，关闭帮助',
  'shortcut.help': '本帮助',
};

const id = {
  'status.played': 'sudah tayang', 'status.truncated': 'terpotong', 'status.skipped': 'dilewati', 'status.failed': 'gagal', 'status.filler': 'pengisi', 'status.alarm': 'alarm', 'status.probe': 'pemeriksaan', 'status.operator': 'operator',
  'item.pending': 'menunggu', 'item.queued': 'diantrekan', 'item.done': 'selesai',
  overview: 'Ringkasan', alarms: 'Alarm', signIn: 'Masuk', signOut: 'Keluar', help: 'Bantuan', shortcuts: 'Pintasan keyboard',
  helpText: 'Tindakan yang mengubah siaran disiapkan pada tekan pertama dan dijalankan pada tekan kedua. Pintasan tidak bekerja saat Anda mengetik di kolom isian.',
  tokenPrompt: 'Token API', cancel: 'Batal', source: 'Sumber', when: 'Kapan', 'when.next': 'setelah acara yang tayang', 'when.now': 'sekarang',
  'action.take': 'Tayangkan', 'action.hold': 'Tahan', 'action.release': 'Lepas tahan', 'action.skip': 'Lewati', 'action.next': 'Jadikan berikutnya',
  'action.insert': 'Sisipkan', 'action.emergency': 'Darurat', 'action.emergencyClear': 'Akhiri darurat', 'action.graphics': 'Grafis',
  'kind.clip': 'klip', 'kind.live': 'langsung', 'kind.still': 'gambar diam', 'kind.filler': 'pengisi', 'kind.block': 'blok',
  noPreview: 'tanpa pratinjau', remaining: 'Sisa', elapsed: 'Berjalan', onAir: 'Sedang tayang', next: 'Berikutnya', countdown: 'Mulai dalam', cued: 'siap',
  'state.onair': 'TAYANG', 'state.hold': 'TAHAN', 'state.waiting': 'MENUNGGU', 'state.filler': 'PENGISI', 'state.emergency': 'DARURAT', 'state.alarm': 'ALARM',
  outputs: 'Keluaran', open: 'terbuka', 'clock.nextFixed': 'Jam tetap berikutnya', 'clock.nextManual': 'Manual berikutnya', 'clock.nextBreak': 'Jeda iklan berikutnya',
  'clock.endOfAutomation': 'Akhir otomasi', timecode: 'Kode waktu', tick: 'frame',
  'tab.rundown': 'Susunan acara', 'tab.asRun': 'Log tayang', 'tab.alarms': 'Alarm', 'tab.devices': 'Perangkat',
  audio: 'Audio', nothing: 'tidak ada', since: 'sejak', waitingForTake: 'menunggu perintah tayang', itemIntegrated: 'acara', loudnessOff: 'pengukur kenyaringan mati',
  emptyRundown: 'Tidak ada yang dijadwalkan.', 'mode.follow': 'menyambung', 'mode.fixed': 'tetap', 'mode.manual': 'manual',
  'item.played': 'sudah tayang', 'item.onair': 'tayang', 'item.cued': 'siap putar', 'item.ready': 'siap', 'item.missing': 'media hilang',
  'item.skipped': 'dilewati', 'item.failed': 'gagal',
  'col.start': 'Mulai', 'col.duration': 'Durasi', 'col.mode': 'Cara mulai', 'col.title': 'Judul', 'col.id': 'ID', 'col.kind': 'Jenis',
  'col.state': 'Keadaan', 'col.status': 'Status', 'col.actions': 'Tindakan operator', 'col.channel': 'Kanal', 'col.driver': 'Driver',
  'col.output': 'Keluaran', 'col.detail': 'Rincian', 'col.type': 'Jenis', 'col.target': 'Tujuan', 'col.sent': 'Frame terkirim', 'col.dropped': 'Terbuang',
  'col.name': 'Nama', 'col.lastAction': 'Tindakan terakhir',
  asRunOf: 'Log tayang tanggal', export: 'Ekspor', 'severity.critical': 'kritis', 'severity.major': 'besar', 'severity.minor': 'kecil',
  'severity.warning': 'peringatan', 'severity.indeterminate': 'tak tentu', ackBy: 'dikonfirmasi oleh', acknowledge: 'Konfirmasi',
  noAlarms: 'Tidak ada alarm.', 'event.raised': 'muncul', 'event.cleared': 'hilang', 'event.acknowledged': 'dikonfirmasi',
  listedAlarms: 'Alarm', history: 'Riwayat', cards: 'Kartu', otherDevices: 'GPI dan perangkat lain', emergencyTo: 'Darurat beralih ke',
  'emergency.filler': 'pengisi', 'emergency.slate': 'slate', 'emergency.input': 'masukan langsung', inputName: 'nama masukan', loadSchedule: 'Muat jadwal…',
  armed: '{action} disiapkan: tekan lagi untuk konfirmasi', takeIgnored: 'perintah tayang diabaikan: tayang terakhir baru {ms} md lalu', done: '{action} selesai',
  selectFirst: 'pilih dulu satu acara di susunan acara', connectionLost: 'KONEKSI TERPUTUS — nilai tidak langsung; mencoba lagi dalam {seconds} dtk',
  acknowledged: 'alarm dikonfirmasi', scheduleLoaded: 'jadwal dimuat (versi {version})',
  'role.viewer': 'penonton', 'role.operator': 'operator', 'role.engineer': 'teknisi',
  'shortcut.take': 'Tayangkan acara berikutnya (tekan dua kali)', 'shortcut.hold': 'Tahan acara yang tayang', 'shortcut.release': 'Lepas tahan (tekan dua kali)',
  'shortcut.skip': 'Lewati acara berikutnya (tekan dua kali)', 'shortcut.next': 'Jadikan acara terpilih berikutnya (tekan dua kali)',
  'shortcut.insert': 'Sisipkan klip atau sumber langsung', 'shortcut.emergency': 'Peralihan darurat (tekan dua kali)',
  'shortcut.emergencyClear': 'Kembali ke otomasi (tekan dua kali)', 'shortcut.graphics': 'Grafis nyala/mati',
  'shortcut.acknowledge': 'Konfirmasi alarm tertua', 'shortcut.selectUp': 'Pilih acara di atas', 'shortcut.selectDown': 'Pilih acara di bawah',
  'shortcut.overview': 'Ringkasan', 'shortcut.previousChannel': 'Kanal sebelumnya', 'shortcut.nextChannel': 'Kanal berikutnya',
  'shortcut.asRun': 'Log tayang', 'shortcut.devices': 'Perangkat', 'shortcut.alarms': 'Alarm', 'shortcut.cancel': 'Batalkan tindakan yang disiapkan, tutup bantuan',
  'shortcut.help': 'Bantuan ini',
};

export const dictionaries = { en, vi, 'zh-CN': zh, id };
let current = 'en';

export const language = () => current;

export function setLanguage(tag) {
  current = dictionaries[tag] ? tag : 'en';
  document.documentElement.lang = current;
}

/** The word for `key` in the user's language, with {name} parts filled from `values`. */
export function t(key, values = {}) {
  const text = dictionaries[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Writes the static words of the page (elements marked data-t) in the user's language. */
export function translatePage() {
  document.querySelectorAll('[data-t]').forEach(element => { element.textContent = t(element.dataset.t); });
}
