// The JSON API of `vanban serve`. Every failure becomes an ApiError with a Vietnamese message
// staff can read: the server's own {error} text when it sent one.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export async function apiGet(path, params, signal) {
  const query = params && params.toString();
  const url = query ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('Không kết nối được với máy chủ Vanban. Kiểm tra mạng rồi thử lại.', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' && body.error
      ? body.error
      : defaultMessage(response.status);
    throw new ApiError(message, response.status);
  }
  if (body === null) {
    throw new ApiError('Máy chủ trả về dữ liệu không đọc được.', response.status);
  }
  return body;
}

// Answers kept for Back and Forward, which should show the page as it was, at once.
const recent = new Map();
const RECENT_LIMIT = 30;

// apiGet, but answered from the recent answers when `fromHistory` and one is there.
export async function apiGetRemembered(path, params, signal, fromHistory) {
  const query = params && params.toString();
  const key = query ? `${path}?${query}` : path;
  if (fromHistory && recent.has(key)) return recent.get(key);
  const body = await apiGet(path, params, signal);
  recent.delete(key);
  recent.set(key, body);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value);
  return body;
}

function defaultMessage(status) {
  if (status === 400) return 'Yêu cầu tìm kiếm không hợp lệ.';
  if (status === 404) return 'Không tìm thấy văn bản.';
  if (status === 413) return 'Yêu cầu quá lớn.';
  return `Máy chủ gặp lỗi (mã ${status}). Vui lòng thử lại sau.`;
}

export function originalUrl(id) {
  return `/api/documents/${encodeURIComponent(id)}/original`;
}
