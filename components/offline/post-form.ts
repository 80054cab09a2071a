import type { StoredField } from '@/lib/offline/outbox';

/** The request could not be made or its answer never came (no connection, a dropped link). */
export class NetworkError extends Error {
  constructor() {
    super('network error');
    this.name = 'NetworkError';
  }
}

/** No answer within the deadline. */
export class PostTimeout extends Error {
  constructor() {
    super('timeout');
    this.name = 'PostTimeout';
  }
}

export interface PostAnswer {
  status: number;
  /** the parsed JSON answer, or null when the body was not JSON (a proxy's error page) */
  body: unknown;
}

/**
 * POSTs a form with XMLHttpRequest, the one browser API that reports upload progress
 * (`onProgress` gets 0–1 as the body goes out). Rejects with NetworkError or PostTimeout.
 */
export function postForm(url: string, data: FormData, options: { timeoutMs: number; onProgress?: (share: number) => void }): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.timeout = options.timeoutMs;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    if (options.onProgress) {
      const onProgress = options.onProgress;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the caller treats it as no answer
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new NetworkError());
    xhr.ontimeout = () => reject(new PostTimeout());
    xhr.send(data);
  });
}

/** A stored form as FormData again (files keep their names). */
export function formDataOf(fields: StoredField[]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, value.name);
  }
  return data;
}

/** A form's fields as they can be stored. */
export function fieldsOf(data: FormData): StoredField[] {
  return [...data.entries()].map(([name, value]) => [name, value]);
}

/** A fresh id for a queued item or a new form token (the same alphabet as the server's tokens). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
