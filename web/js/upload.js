// The upload page: files dropped or chosen, the write token, optional metadata (a sidecar's
// fields), sent as one multipart request to POST /api/upload; each file's result listed.
const state = document.getElementById('upload-state');
const form = document.getElementById('upload-form');
const tokenInput = document.getElementById('token');
const dropZone = document.getElementById('drop-zone');
const fileInput = document.getElementById('files');
const chosenList = document.getElementById('chosen');
const results = document.getElementById('results');
const resultsTitle = document.getElementById('results-title');
const sendButton = document.getElementById('send');
let chosen = [];

const STATUS_TEXT = {
  indexed: 'Đã lưu vào kho',
  unchanged: 'Đã có trong kho, không đổi',
  error: 'Lỗi',
};
const META_FIELDS = ['type', 'number', 'issuer', 'date', 'title', 'signer', 'signer_title'];

function megabytes(bytes) {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function showChosen() {
  chosenList.replaceChildren(...chosen.map((file) => {
    const item = document.createElement('li');
    item.textContent = `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
    return item;
  }));
}

function addFiles(files) {
  chosen = chosen.concat(Array.from(files));
  showChosen();
}

function metadata() {
  const fields = {};
  for (const name of META_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) fields[name] = value;
  }
  return Object.keys(fields).length ? JSON.stringify(fields) : '';
}

function showResult(result) {
  const item = document.createElement('li');
  item.className = `status-${result.status}`;
  const name = document.createElement('strong');
  name.textContent = result.name;
  item.append(name, ` — ${STATUS_TEXT[result.status] || result.status}`);
  if (result.message) item.append(`: ${result.message}`);
  if (result.document_id) {
    const link = document.createElement('a');
    link.href = `/van-ban/${encodeURIComponent(result.document_id)}`;
    link.textContent = 'xem văn bản';
    item.append(' (', link, ')');
  }
  for (const note of result.notes || []) {
    const detail = document.createElement('div');
    detail.className = 'hint';
    detail.textContent = note;
    item.append(detail);
  }
  results.append(item);
}

function showError(text) {
  const item = document.createElement('li');
  item.className = 'status-error';
  item.textContent = text;
  results.append(item);
}

async function send(event) {
  event.preventDefault();
  if (!chosen.length) {
    showError('Chưa chọn tệp nào.');
    return;
  }
  const body = new FormData();
  for (const file of chosen) body.append('file', file, file.name);
  const meta = metadata();
  if (meta) body.append('meta', meta);
  sessionStorage.setItem('vanban-write-token', tokenInput.value);
  sendButton.disabled = true;
  sendButton.textContent = 'Đang tải lên…';
  resultsTitle.hidden = false;
  try {
    const response = await fetch('/api/upload', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenInput.value}` },
      body,
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      showError(answer.error || `Máy chủ trả lời lỗi ${response.status}.`);
    } else {
      answer.files.forEach(showResult);
      chosen = [];
      showChosen();
    }
  } catch {
    showError('Không gửi được tới máy chủ.');
  } finally {
    sendButton.disabled = false;
    sendButton.textContent = 'Tải lên';
  }
}

async function start() {
  try {
    const info = await (await fetch('/api/upload')).json();
    if (!info.enabled) {
      state.textContent = 'Máy chủ này không nhận tệp tải lên (người quản trị chưa đặt mã ghi).';
      return;
    }
    state.textContent = 'Văn bản tải lên được lưu vào kho và tìm được sau vài giây.';
    document.getElementById('limit').textContent =
      `Tối đa ${megabytes(info.max_bytes)} mỗi lần tải.`;
    tokenInput.value = sessionStorage.getItem('vanban-write-token') || '';
    form.hidden = false;
  } catch {
    state.textContent = 'Không liên lạc được với máy chủ.';
  }
}

dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  addFiles(event.dataTransfer.files);
});
dropZone.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    fileInput.click();
  }
});
fileInput.addEventListener('change', () => {
  addFiles(fileInput.files);
  fileInput.value = '';
});
form.addEventListener('submit', send);
start();
